package org.jekafo.app.platform.readmodel;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.jekafo.api.membership.FindMemberQuery;
import org.jekafo.api.membership.MemberView;
import org.jekafo.api.projection.FindProjectedVersionQuery;
import org.jekafo.api.projection.ProjectedVersionView;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.jekafo.query.elasticsearch.DeadLetters;
import org.jekafo.query.elasticsearch.ProjectionMaintenance;
import org.jekafo.query.membership.MemberIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes waits by being told, not by polling: with a re-read interval of a minute, it still answers as soon
 * as the projection announces the aggregate's document, and without an announcement it reads only once more, at its
 * time limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadYourWritesTest extends IntegrationTest {

    /** Far longer than any answer below may take: an answer before it was woken, not found by re-reading. */
    private static final Duration RECHECK = Duration.ofMinutes(1);
    private static final Duration WOKEN_WITHIN = Duration.ofSeconds(15);

    @Autowired
    EventStore eventStore;
    @Autowired
    QueryGateway queries;
    @Autowired
    QueryUpdateEmitter emitter;
    @Autowired
    ProjectionMaintenance projections;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    MemberIndex memberIndex;

    TestApi api;
    String memberId;

    @BeforeAll
    void registerAMember() {
        api = connect();
        memberId = TestApi.identifierOf(api.register(TestApi.registration("Annonce", "Awa", "F", api.unitId("KY-03"))).get("id"));
    }

    private ReadYourWrites waitingAtMost(Duration timeout) {
        return new ReadYourWrites(eventStore, queries, projections, deadLetters, timeout, RECHECK);
    }

    @Test
    void waiterIsWokenByTheAnnouncementOfTheAggregatesDocument() {
        long last = eventStore.lastSequenceNumberFor(memberId).orElseThrow();
        AtomicLong shown = new AtomicLong(-1);
        AtomicInteger reads = new AtomicInteger();
        Supplier<Optional<Long>> read = () -> {
            if (reads.incrementAndGet() == 1) {
                CompletableFuture.runAsync(() -> {
                    shown.set(last);
                    emitter.emit(FindProjectedVersionQuery.class, query -> query.aggregateId().equals(memberId),
                            new ProjectedVersionView(memberIndex.processingGroup(), memberId, last));
                }, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
            }
            return Optional.of(shown.get());
        };
        long started = System.nanoTime();

        Long view = waitingAtMost(Duration.ofSeconds(30)).await(memberIndex, memberId, read, Long::longValue);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WOKEN_WITHIN);
        assertThat(view).isEqualTo(last);
        assertThat(reads).as("one read before the announcement, one after").hasValue(2);
    }

    @Test
    void withoutAnAnnouncementItAnswersWhatTheIndexShowsAtTheTimeLimitHavingReadOnlyTwice() {
        AtomicInteger reads = new AtomicInteger();
        Duration timeout = Duration.ofSeconds(1);
        long started = System.nanoTime();

        Long view = waitingAtMost(timeout).await(memberIndex, memberId, () -> {
            reads.incrementAndGet();
            return Optional.of(-1L);
        }, Long::longValue);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isGreaterThanOrEqualTo(timeout).isLessThan(WOKEN_WITHIN);
        assertThat(view).isEqualTo(-1L);
        assertThat(reads).as("no polling: a read, then one at the time limit").hasValue(2);
    }

    @Test
    void theMemberProjectionAnnouncesTheVersionItHasWritten() {
        SubscriptionQueryResult<ProjectedVersionView, ProjectedVersionView> announcements = queries.subscriptionQuery(
                GenericMessage.asMessage(new FindProjectedVersionQuery(memberIndex.processingGroup(), memberId))
                        .andMetaData(ReadYourWrites.LISTENER.metaData()),
                ResponseTypes.instanceOf(ProjectedVersionView.class), ResponseTypes.instanceOf(ProjectedVersionView.class));
        try {
            long before = announcements.initialResult().block(WOKEN_WITHIN).version();
            CompletableFuture<ProjectedVersionView> announced = announcements.updates()
                    .filter(update -> update.version() > before).next().toFuture();

            api.mutateMember("changeMemberPhone", Map.of("memberId", memberId, "phone", TestData.uniquePhone()));

            assertThat(announced.orTimeout(WOKEN_WITHIN.toSeconds(), TimeUnit.SECONDS).join())
                    .isEqualTo(new ProjectedVersionView(memberIndex.processingGroup(), memberId, before + 1));
        } finally {
            announcements.cancel();
        }
    }

    @Test
    void aWriteProjectedAfterTheWaitBeganWakesTheWaiter() {
        AtomicInteger reads = new AtomicInteger();
        Supplier<Optional<MemberView>> read = () -> {
            if (reads.incrementAndGet() == 1) {
                // the write happens after the waiter subscribed; it is not seen by this first read
                api.mutateMember("changeMemberPhone", Map.of("memberId", memberId, "phone", TestData.uniquePhone()));
                return Optional.empty();
            }
            return Optional.ofNullable(queries.query(GenericMessage.asMessage(new FindMemberQuery(memberId, null))
                            .andMetaData(TestApi.BUREAU.metaData()),
                    ResponseTypes.instanceOf(MemberView.class)).join());
        };
        long started = System.nanoTime();

        MemberView view = waitingAtMost(Duration.ofSeconds(30)).await(memberIndex, memberId, read, MemberView::version);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WOKEN_WITHIN);
        assertThat(view).isNotNull();
        assertThat(reads).hasValue(2);
    }
}
