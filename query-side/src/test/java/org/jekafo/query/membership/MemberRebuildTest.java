package org.jekafo.query.membership;

import org.jekafo.api.common.Gender;
import org.jekafo.api.membership.DuesPaymentRecordedEvent;
import org.jekafo.api.membership.MemberDeathRecordedEvent;
import org.jekafo.api.membership.MemberIdentityCorrectedEvent;
import org.jekafo.api.membership.MemberPhoneChangedEvent;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberReinstatedEvent;
import org.jekafo.api.membership.MemberResignedEvent;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.membership.MemberSuspendedEvent;
import org.jekafo.api.membership.MemberTradesChangedEvent;
import org.jekafo.api.membership.MemberTransferredEvent;
import org.jekafo.query.EventBatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jekafo.query.TestElasticsearch.indicesMatching;
import static org.jekafo.query.TestElasticsearch.sources;
import static org.jekafo.query.membership.Members.at;
import static org.jekafo.query.membership.Members.registration;
import static org.jekafo.query.orgunit.OrgUnits.KAYES_01;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_03;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_05;

/**
 * Rebuilding the members index from the event store, as ProjectionMaintenance does: replay every event into a
 * fresh index, then move the alias. The event store here is a list of events of five members, interleaved.
 */
class MemberRebuildTest {

    /** An event as the store holds it: payload and sequence number within its member (timestamp: {@link Members#at}). */
    private record Stored(Object payload, long sequence) {
    }

    private static final LocalDate ENROLLED = LocalDate.of(2024, 3, 1);

    private static final List<Stored> EVENT_STORE = List.of(
            new Stored(registration("m-1", "SG-000042", "Traoré", "Aminata", Gender.F, 1985, "+22376123456",
                    List.of("COUTURE", "TEINTURE"), SEGOU_03, ENROLLED), 0),
            new Stored(registration("m-2", "SG-000043", "Coulibaly", "Seydou", Gender.M, 1990, "+22366001122",
                    List.of("FORGE"), SEGOU_05, ENROLLED), 0),
            new Stored(new MemberPhoneChangedEvent("m-1", "+22370000001"), 1),
            new Stored(registration("m-3", "KY-000001", "Diarra", "Fatoumata", Gender.F, 1978, "+22370000002",
                    List.of("TEINTURE"), KAYES_01, ENROLLED), 0),
            new Stored(new DuesPaymentRecordedEvent("m-1", 2024, 5_000, "R-2024-001", LocalDate.of(2024, 3, 2)), 2),
            new Stored(new MemberTradesChangedEvent("m-2", List.of("FORGE", "BIJOUTERIE")), 1),
            new Stored(new MemberTransferredEvent("m-2", SEGOU_05, KAYES_01, "déménagement"), 2),
            new Stored(registration("m-4", "KY-000002", "Traoré", "Moussa", Gender.M, 2000, "+22379999999",
                    List.of("FORGE"), KAYES_01, ENROLLED), 0),
            new Stored(new DuesPaymentRecordedEvent("m-1", 2025, 6_000, "R-2025-017", LocalDate.of(2025, 1, 10)), 3),
            new Stored(new MemberResignedEvent("m-3", LocalDate.of(2025, 1, 31), "retraite"), 1),
            new Stored(new MemberSuspendedEvent("m-1", "enquête"), 4),
            new Stored(new MemberIdentityCorrectedEvent("m-2", "Coulibaly", "Seydou", Gender.M, 1991, "ML7654321",
                    true, "erreur de saisie"), 3),
            new Stored(new MemberDeathRecordedEvent("m-4", LocalDate.of(2025, 2, 14)), 1),
            new Stored(registration("m-5", "SG-000044", "Keïta", "Awa", Gender.F, 1995, "+22365554433",
                    List.of("COUTURE"), SEGOU_03, ENROLLED), 0),
            new Stored(new MemberReinstatedEvent("m-1", MemberStatus.SUSPENDED, "enquête close"), 5));

    private Members members;

    @BeforeEach
    void freshIndices() {
        members = Members.fresh();
    }

    /** Calls the projection's handler for one stored event, as the processor would. */
    private void dispatch(Stored stored) {
        MemberProjection p = members.projection;
        long s = stored.sequence();
        Object e = stored.payload();
        if (e instanceof MemberRegisteredEvent event) {
            p.on(event, s, at(s));
        } else if (e instanceof MemberPhoneChangedEvent event) {
            p.on(event, s, at(s));
        } else if (e instanceof MemberTradesChangedEvent event) {
            p.on(event, s, at(s));
        } else if (e instanceof MemberTransferredEvent event) {
            p.on(event, s, at(s));
        } else if (e instanceof MemberSuspendedEvent event) {
            p.on(event, s, at(s));
        } else if (e instanceof MemberReinstatedEvent event) {
            p.on(event, s, at(s));
        } else if (e instanceof MemberResignedEvent event) {
            p.on(event, s, at(s));
        } else if (e instanceof MemberDeathRecordedEvent event) {
            p.on(event, s, at(s));
        } else if (e instanceof DuesPaymentRecordedEvent event) {
            p.on(event, s, at(s));
        } else if (e instanceof MemberIdentityCorrectedEvent event) {
            p.on(event, s, at(s));
        } else {
            throw new IllegalArgumentException("no handler for " + e);
        }
    }

    /** Handles the events in batches of {@code batchSize}, each batch one unit of work. */
    private void handle(List<Stored> events, int batchSize) {
        for (int from = 0; from < events.size(); from += batchSize) {
            List<Stored> batch = events.subList(from, Math.min(events.size(), from + batchSize));
            EventBatch.handle(() -> batch.forEach(this::dispatch));
        }
    }

    /** Replays the whole event store into a fresh index, in batches of {@code batchSize}, and moves the alias. */
    private Map<String, Map<String, Object>> rebuilt(int batchSize) {
        members.index.beginRebuild();
        handle(EVENT_STORE, batchSize);
        members.index.completeRebuild();
        return sources(MemberIndex.ALIAS);
    }

    @Test
    void rebuildingTwiceFromTheSameEventsYieldsIdenticalDocuments() {
        handle(EVENT_STORE, 1);

        Map<String, Map<String, Object>> first = rebuilt(4);
        Map<String, Map<String, Object>> second = rebuilt(4);

        assertThat(first).hasSize(5);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void rebuiltDocumentsAreThoseTheLiveProjectionWroteWhateverTheBatches() {
        handle(EVENT_STORE, 1);
        Map<String, Map<String, Object>> live = sources(MemberIndex.ALIAS);

        assertThat(rebuilt(EVENT_STORE.size())).isEqualTo(live);
        assertThat(rebuilt(3)).isEqualTo(live);
    }

    @Test
    void liveProjectionReceivingEveryEventTwiceWritesTheSameDocuments() {
        handle(EVENT_STORE, 1);
        Map<String, Map<String, Object>> once = sources(MemberIndex.ALIAS);

        handle(EVENT_STORE, 5);

        assertThat(sources(MemberIndex.ALIAS)).isEqualTo(once);
    }

    @Test
    void queriesAnswerFromTheOldIndexUntilTheRebuildCompletes() {
        handle(EVENT_STORE, 1);
        members.refresh();
        members.index.beginRebuild();

        handle(EVENT_STORE.subList(0, 4), 2);

        assertThat(members.idsMatching(null)).containsExactly("m-2", "m-3", "m-5", "m-1", "m-4");
        assertThat(members.get("m-1").status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(members.get("m-1").version()).isEqualTo(5);
    }

    @Test
    void completedRebuildLeavesOneMembersIndexBehindTheAlias() {
        handle(EVENT_STORE, 1);

        rebuilt(4);

        assertThat(indicesMatching(MemberIndex.ALIAS + "*")).containsExactly(members.index.writeIndex());
        assertThat(members.idsMatching(null)).containsExactly("m-2", "m-3", "m-5", "m-1", "m-4");
    }
}
