package org.jekafo.query.history;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.jekafo.api.common.Gender;
import org.jekafo.api.history.FieldChange;
import org.jekafo.api.history.FindHistoryQuery;
import org.jekafo.api.history.HistoryEntryView;
import org.jekafo.api.history.HistoryPage;
import org.jekafo.api.history.HistorySlice;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberTransferredEvent;
import org.jekafo.api.orgunit.OrgUnitClosedEvent;
import org.jekafo.api.orgunit.OrgUnitCreatedEvent;
import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.api.orgunit.OrgUnitMovedEvent;
import org.jekafo.api.orgunit.OrgUnitRenamedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Any aggregate's history, a page at a time, with the values each change replaced: no code per aggregate type. */
class EventHistoryTest {

    private static final String UNIT = "ou-sg-09";

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final EventHistory history = new EventHistory(store);

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    private void stored(String type, String id, Object... events) {
        for (int i = 0; i < events.length; i++) {
            store.publish(new GenericDomainEventMessage<>(type, id, i, events[i]));
        }
    }

    /** A unit created, renamed three times, moved, renamed again and closed: seven events. */
    private void aUnitWithSevenEvents() {
        stored("OrgUnit", UNIT, new OrgUnitCreatedEvent(UNIT, "SG-09", "Markala", OrgUnitLevel.LOCAL, "ou-sg"),
                new OrgUnitRenamedEvent(UNIT, "Markala", "Markala-Centre"),
                new OrgUnitRenamedEvent(UNIT, "Markala-Centre", "Markala Ville"),
                new OrgUnitRenamedEvent(UNIT, "Markala Ville", "Markala"),
                new OrgUnitMovedEvent(UNIT, "ou-sg", "ou-ml"),
                new OrgUnitRenamedEvent(UNIT, "Markala", "Markala du Nord"),
                new OrgUnitClosedEvent(UNIT, "Fusion"));
    }

    private HistoryPage page(Long after, Long before, Integer first, Integer last) {
        return history.page("OrgUnit", new HistorySlice(UNIT, after, before, first, last));
    }

    private static List<Long> sequences(HistoryPage page) {
        return page.entries().stream().map(HistoryEntryView::sequence).toList();
    }

    @Nested
    class PreviousValues {

        @Test
        void aRenamedUnitShowsItsFormerNameAndAMovedUnitItsFormerParent() {
            aUnitWithSevenEvents();

            List<HistoryEntryView> entries = page(null, null, null, null).entries();

            assertThat(entries).extracting(HistoryEntryView::type).containsExactly("OrgUnitCreatedEvent",
                    "OrgUnitRenamedEvent", "OrgUnitRenamedEvent", "OrgUnitRenamedEvent", "OrgUnitMovedEvent",
                    "OrgUnitRenamedEvent", "OrgUnitClosedEvent");
            assertThat(entries.get(0).changes()).contains(new FieldChange("name", "Markala", null),
                    new FieldChange("parentId", "ou-sg", null));
            assertThat(entries.get(1).changes()).containsExactly(new FieldChange("previousName", "Markala", null),
                    new FieldChange("name", "Markala-Centre", "Markala"));
            assertThat(entries.get(4).changes()).containsExactly(new FieldChange("previousParentId", "ou-sg", null),
                    new FieldChange("newParentId", "ou-ml", "ou-sg"));
            assertThat(entries.get(6).changes()).containsExactly(new FieldChange("reason", "Fusion", null));
            assertThat(entries).allSatisfy(entry -> assertThat(entry.aggregateType()).isEqualTo("OrgUnit"));
        }

        @Test
        void aTransferShowsTheLocalUnitTheMemberLeft() {
            stored("Member", "m-7", new MemberRegisteredEvent("m-7", "SG-000007", "Traoré", "Awa", Gender.F, 1985,
                    "+22376123456", null, List.of("COUTURE"), "ou-sg-03", false, LocalDate.of(2024, 3, 1), false),
                    new MemberTransferredEvent("m-7", "ou-sg-03", "ou-sg-04", "Déménagement"));

            HistoryPage page = history.page("Member", HistorySlice.all("m-7"));

            assertThat(page.entries().get(1).changes()).contains(new FieldChange("toLocalUnitId", "ou-sg-04", "ou-sg-03"));
            assertThat(page.dataSubjects()).containsExactly("m-7");
        }

        @Test
        void aUnitsHistoryIsAboutNobody() {
            aUnitWithSevenEvents();

            assertThat(page(null, null, 2, null).dataSubjects()).isEmpty();
        }
    }

    @Nested
    class Pages {

        @Test
        void forwardFromTheStart() {
            aUnitWithSevenEvents();

            HistoryPage page = page(null, null, 3, null);

            assertThat(sequences(page)).containsExactly(0L, 1L, 2L);
            assertThat(page.totalCount()).isEqualTo(7);
            assertThat(page.hasPreviousPage()).isFalse();
            assertThat(page.hasNextPage()).isTrue();
        }

        @Test
        void forwardAfterAnEntryKeepsTheValuesReplacedBeforeThePage() {
            aUnitWithSevenEvents();

            HistoryPage page = page(2L, null, 3, null);

            assertThat(sequences(page)).containsExactly(3L, 4L, 5L);
            assertThat(page.entries().get(0).changes()).contains(new FieldChange("name", "Markala", "Markala Ville"));
            assertThat(page.hasPreviousPage()).isTrue();
            assertThat(page.hasNextPage()).isTrue();
        }

        @Test
        void theLastPageForwardHasNoNextPage() {
            aUnitWithSevenEvents();

            HistoryPage page = page(4L, null, 3, null);

            assertThat(sequences(page)).containsExactly(5L, 6L);
            assertThat(page.hasNextPage()).isFalse();
            assertThat(page.hasPreviousPage()).isTrue();
        }

        @Test
        void backwardFromTheEnd() {
            aUnitWithSevenEvents();

            HistoryPage page = page(null, null, null, 3);

            assertThat(sequences(page)).containsExactly(4L, 5L, 6L);
            assertThat(page.entries().get(1).changes()).contains(new FieldChange("name", "Markala du Nord", "Markala"));
            assertThat(page.hasPreviousPage()).isTrue();
            assertThat(page.hasNextPage()).isFalse();
        }

        @Test
        void backwardBeforeAnEntryReachesTheStart() {
            aUnitWithSevenEvents();

            HistoryPage page = page(null, 2L, null, 3);

            assertThat(sequences(page)).containsExactly(0L, 1L);
            assertThat(page.hasPreviousPage()).isFalse();
            assertThat(page.hasNextPage()).isTrue();
        }

        @Test
        void betweenTwoCursors() {
            aUnitWithSevenEvents();

            assertThat(sequences(page(1L, 5L, null, null))).containsExactly(2L, 3L, 4L);
            assertThat(sequences(page(1L, 5L, 2, null))).containsExactly(2L, 3L);
            assertThat(sequences(page(1L, 5L, null, 2))).containsExactly(3L, 4L);
        }

        @Test
        void anEmptyPageStillSaysWhatLiesAroundIt() {
            aUnitWithSevenEvents();

            HistoryPage none = page(2L, null, 0, null);
            HistoryPage past = page(6L, null, 5, null);

            assertThat(none.entries()).isEmpty();
            assertThat(none.hasPreviousPage()).isTrue();
            assertThat(none.hasNextPage()).isTrue();
            assertThat(past.entries()).isEmpty();
            assertThat(past.hasNextPage()).isFalse();
            assertThat(past.totalCount()).isEqualTo(7);
        }
    }

    @Test
    void anAggregateOfAnotherTypeOrUnknownHasNoHistory() {
        aUnitWithSevenEvents();

        assertThat(history.page("Member", HistorySlice.all(UNIT))).isEqualTo(HistoryPage.empty(UNIT));
        assertThat(history.page("OrgUnit", HistorySlice.all("inconnu"))).isEqualTo(HistoryPage.empty("inconnu"));
    }

    @Test
    void oneQueryAnswersEveryPageInItsOrder() {
        aUnitWithSevenEvents();
        stored("OrgUnit", "ou-ml", new OrgUnitCreatedEvent("ou-ml", "ML", "Mopti", OrgUnitLevel.REGIONAL, "ou-nat"));

        List<HistoryPage> pages = history.handle(new FindHistoryQuery("OrgUnit", List.of(HistorySlice.all("ou-ml"),
                new HistorySlice(UNIT, null, null, 1, null)))).pages();

        assertThat(pages).extracting(HistoryPage::aggregateId).containsExactly("ou-ml", UNIT);
        assertThat(pages).extracting(HistoryPage::totalCount).containsExactly(1L, 7L);
    }
}
