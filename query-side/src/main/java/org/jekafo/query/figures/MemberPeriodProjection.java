package org.jekafo.query.figures;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.jekafo.api.membership.MemberDeathRecordedEvent;
import org.jekafo.api.membership.MemberIdentityCorrectedEvent;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberReinstatedEvent;
import org.jekafo.api.membership.MemberResignedEvent;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.membership.MemberSuspendedEvent;
import org.jekafo.api.membership.MemberTradesChangedEvent;
import org.jekafo.api.membership.MemberTransferredEvent;
import org.jekafo.query.elasticsearch.DocumentBatch;
import org.jekafo.query.elasticsearch.ProjectionIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * Projects member events into periods ({@link MemberPeriodDocument}): the registration opens the member's first
 * period; an event that changes what the figures count (status, local unit, trades, gender, disability) closes the
 * period that lasts at the event's time and opens the next. The figures as of a date are then the periods that held
 * then, whatever happened since. The period that lasts carries the sequence number of the member's last event
 * applied: an event at or below it is skipped, so redelivered and replayed events do no harm, and a closed period is
 * written with the version of the event that closed it. Phone changes, dues and erasures change nothing counted.
 */
@Component
@ProcessingGroup(MemberPeriodProjection.PROCESSING_GROUP)
class MemberPeriodProjection {

    static final String PROCESSING_GROUP = "member-period-projection";
    private static final Logger LOG = LoggerFactory.getLogger(MemberPeriodProjection.class);

    private final ElasticsearchClient client;
    private final ProjectionIndex index;

    MemberPeriodProjection(ElasticsearchClient client, MemberPeriodIndex index) {
        this.client = client;
        this.index = index;
    }

    @EventHandler
    void on(MemberRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        MemberPeriodDocument period = new MemberPeriodDocument();
        period.periodId = event.memberId();
        period.memberId = event.memberId();
        period.validFrom = at;
        period.fromSequence = sequence;
        period.registeredAt = at;
        period.first = true;
        period.status = MemberStatus.ACTIVE;
        period.gender = event.gender();
        period.localUnitId = event.localUnitId();
        period.trades = new ArrayList<>(event.trades());
        period.disability = event.disability();
        batch().create(sequence, period);
    }

    @EventHandler
    void on(MemberIdentityCorrectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.memberId(), sequence, at, p -> {
            p.gender = event.gender();
            p.disability = event.disability();
        });
    }

    @EventHandler
    void on(MemberTradesChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.memberId(), sequence, at, p -> p.trades = new ArrayList<>(event.trades()));
    }

    @EventHandler
    void on(MemberTransferredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.memberId(), sequence, at, p -> p.localUnitId = event.toLocalUnitId());
    }

    @EventHandler
    void on(MemberSuspendedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.memberId(), sequence, at, p -> p.status = MemberStatus.SUSPENDED);
    }

    @EventHandler
    void on(MemberReinstatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.memberId(), sequence, at, p -> p.status = MemberStatus.ACTIVE);
    }

    @EventHandler
    void on(MemberResignedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.memberId(), sequence, at, p -> p.status = MemberStatus.RESIGNED);
    }

    @EventHandler
    void on(MemberDeathRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.memberId(), sequence, at, p -> p.status = MemberStatus.DECEASED);
    }

    /**
     * Applies the event at {@code sequence} to the member's lasting period, unless applied already: when it changes
     * what is counted, the period is closed at {@code at} and the lasting one starts then.
     */
    private void change(String memberId, long sequence, Instant at, Consumer<MemberPeriodDocument> change) {
        DocumentBatch<MemberPeriodDocument> batch = batch();
        boolean found = batch.update(memberId, sequence, lasting -> {
            MemberPeriodDocument closed = lasting.closedAt(at);
            change.accept(lasting);
            if (!lasting.counted().equals(closed.counted())) {
                batch.create(sequence, closed);
                lasting.validFrom = at;
                lasting.fromSequence = sequence;
                lasting.first = false;
            }
        });
        if (!found) {
            LOG.warn("Member {} has no period in {}; its event {} is skipped", memberId, index.writeIndex(), sequence);
        }
    }

    private DocumentBatch<MemberPeriodDocument> batch() {
        return DocumentBatch.current(client, index, MemberPeriodDocument.class);
    }
}
