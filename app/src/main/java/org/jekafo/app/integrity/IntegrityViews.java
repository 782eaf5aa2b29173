package org.jekafo.app.integrity;

import org.jekafo.app.platform.graphql.MutationEnvelope;
import org.jekafo.app.platform.graphql.PageInfo;
import org.jekafo.integrity.Checkpoint;
import org.jekafo.integrity.Finding;
import org.jekafo.integrity.TamperKind;
import org.jekafo.integrity.VerificationReport;

import java.time.Instant;
import java.util.List;

/** What the integrity operations answer, as the schema's types ({@code integrity.graphqls}). */
final class IntegrityViews {

    private IntegrityViews() {
    }

    enum Scope { STORE, AGGREGATE }

    record FindingView(TamperKind kind, Long chainSequence, Long globalPosition, String eventId, String aggregateId,
                       String message) {
        static FindingView of(Finding finding) {
            return new FindingView(finding.kind(), finding.chainSequence(), finding.globalIndex(),
                    finding.eventIdentifier(), finding.aggregateIdentifier(), finding.message());
        }
    }

    record CheckpointView(String checkpointId, long chainSequence, long globalPosition, long eventCount,
                          String chainHash, String merkleRoot, int blockSize, Instant recordedAt, String publicKey,
                          String signature, String signedJson) {
        static CheckpointView of(Checkpoint checkpoint) {
            return checkpoint == null ? null : new CheckpointView(checkpoint.checkpointId(), checkpoint.chainSequence(),
                    checkpoint.globalIndex(), checkpoint.eventCount(), checkpoint.chainHash(), checkpoint.merkleRoot(),
                    checkpoint.blockSize(), Instant.parse(checkpoint.recordedAt()), checkpoint.publicKey(),
                    checkpoint.signature(), checkpoint.toJson());
        }
    }

    record ReportView(boolean ok, Scope scope, List<FindingView> findings, long findingCount, long eventsChecked,
                      long linksChecked, long unchainedEvents, long chainHeadSequence, CheckpointView checkpoint,
                      long durationMs, double eventsPerSecond) {
        static ReportView of(VerificationReport report, Scope scope, Checkpoint checkpoint) {
            return new ReportView(report.ok(), scope, report.findings().stream().map(FindingView::of).toList(),
                    report.findingCount(), report.eventsChecked(), report.linksChecked(), report.unchainedEvents(),
                    report.chainHeadSequence(), CheckpointView.of(checkpoint), report.elapsedNanos() / 1_000_000,
                    Math.round(report.rate()));
        }
    }

    record CheckpointEdge(CheckpointView node, String cursor) {
    }

    record CheckpointConnection(long totalCount, List<CheckpointEdge> edges, PageInfo pageInfo) {
    }

    record RecordIntegrityCheckpointInput(String clientMutationId) implements MutationEnvelope {
    }

    record RecordIntegrityCheckpointPayload(String clientMutationId, CheckpointView checkpoint) {
    }
}
