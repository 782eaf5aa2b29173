package org.jekafo.query.membership;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.jekafo.api.common.EventName;
import org.jekafo.api.common.Gender;
import org.jekafo.api.history.FieldChange;
import org.jekafo.api.history.HistoryEntryView;
import org.jekafo.api.membership.FindMemberHistoryQuery;
import org.jekafo.api.membership.MemberHistoryView;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberReinstatedEvent;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.membership.MemberSuspendedEvent;
import org.jekafo.query.history.EventHistory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** History shows events and fields by their declared, stored names: renaming Java code changes nothing auditors read. */
class MemberHistoryNamesTest {

    private static final String MEMBER = "m-1";

    /** What {@code MemberPhoneChangedEvent} would be after its class and its component were renamed in Java. */
    @EventName(value = "MemberPhoneChangedEvent", revision = "1")
    record PhoneNumberReplaced(@JsonProperty("memberId") String member, @JsonProperty("phone") String newNumber) {
    }

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final MemberHistoryQueries queries = new MemberHistoryQueries(new EventHistory(store));

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    private MemberHistoryView historyOf(Object... events) {
        for (int i = 0; i < events.length; i++) {
            store.publish(new GenericDomainEventMessage<>("Member", MEMBER, i, events[i]));
        }
        return queries.handle(new FindMemberHistoryQuery(MEMBER));
    }

    @Test
    void aRenamedClassAndComponentAreShownByTheirDeclaredNames() {
        MemberHistoryView history = historyOf(new MemberRegisteredEvent(MEMBER, "SG-000042", "Traoré", "Awa", Gender.F,
                1985, "+22376123456", null, List.of("COUTURE"), "ou-sg-03", false, LocalDate.of(2024, 3, 1), false),
                new PhoneNumberReplaced(MEMBER, "+22366554433"));

        assertThat(history.entries()).extracting(HistoryEntryView::type)
                .containsExactly("MemberRegisteredEvent", "MemberPhoneChangedEvent");
        assertThat(history.entries().get(1).changes())
                .containsExactly(new FieldChange("phone", "+22366554433", "+22376123456"));
    }

    @Test
    void aChangeOfTheRecordShowsTheValueItReplacedAndAReasonShowsNone() {
        MemberHistoryView history = historyOf(new MemberRegisteredEvent(MEMBER, "SG-000042", "Traoré", "Awa", Gender.F,
                1985, "+22376123456", null, List.of("COUTURE"), "ou-sg-03", false, LocalDate.of(2024, 3, 1), false),
                new MemberSuspendedEvent(MEMBER, "Cotisations impayées"),
                new MemberReinstatedEvent(MEMBER, MemberStatus.SUSPENDED, "Cotisations réglées"),
                new PhoneNumberReplaced(MEMBER, "+22366554433"),
                new PhoneNumberReplaced(MEMBER, "+22365000000"));

        assertThat(history.entries().get(0).changes()).allSatisfy(change -> assertThat(change.previousValue()).isNull());
        assertThat(history.entries().get(2).changes())
                .contains(new FieldChange("reason", "Cotisations réglées", null));
        assertThat(history.entries().get(4).changes())
                .containsExactly(new FieldChange("phone", "+22365000000", "+22366554433"));
    }

    @Test
    void anotherAggregatesEventsAreNoMembersHistory() {
        store.publish(new GenericDomainEventMessage<>("OrgUnit", MEMBER, 0, new PhoneNumberReplaced(MEMBER, "+22366554433")));

        assertThat(queries.handle(new FindMemberHistoryQuery(MEMBER)).entries()).isEmpty();
    }
}
