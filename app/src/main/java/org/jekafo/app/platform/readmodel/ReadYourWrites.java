package org.jekafo.app.platform.readmodel;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.jekafo.api.projection.FindProjectedVersionQuery;
import org.jekafo.api.projection.ProjectedVersionView;
import org.jekafo.app.platform.elasticsearch.ElasticsearchCallLimits;
import org.jekafo.app.platform.logging.ExceptionSummary;
import org.jekafo.query.elasticsearch.DeadLetters;
import org.jekafo.query.elasticsearch.ProjectionIndex;
import org.jekafo.query.elasticsearch.ProjectionMaintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Lets a mutation answer with what the next query will see: it waits until the projection has applied the
 * aggregate's last event (the version in the event store), then refreshes the index so searches see it too. It
 * does not poll: it subscribes to {@link FindProjectedVersionQuery} before it first reads, and reads again when
 * the projection announces it has written the aggregate's document (on Axon Server, whichever instance wrote it)
 * or a running rebuild ends; a re-read every {@code jekafo.read-your-writes-recheck} (500 ms) is only the safety
 * net for an announcement that cannot come (an event parked meanwhile, a subscription not yet known to the
 * instance that wrote).
 *
 * <p>While a projection is being rebuilt, queries read the old index until the alias moves: the mutation then
 * waits for the rebuild to finish, within the same time limit (past it, it answers with what the old index shows —
 * the id is in the payload all the same). When the aggregate's events are parked in the projection's dead-letter
 * queue, it answers at once with what the index shows: they will not be applied before an administrator retries
 * them. Each feature binds its own views to it beside its controller (a {@link ReadBack}: {@code MemberReadBack},
 * {@code OrgUnitReadBack}); nothing here knows the indices.
 */
@Component
public class ReadYourWrites {

    /** Who listens for the projection's announcements: the server itself. */
    static final ActingPrincipal LISTENER = ActingPrincipal.system("read-your-writes");

    private static final Logger LOG = LoggerFactory.getLogger(ReadYourWrites.class);

    private final EventStore eventStore;
    private final QueryGateway queries;
    private final ProjectionMaintenance projections;
    private final DeadLetters deadLetters;
    private final Duration timeout;
    private final Duration recheck;

    ReadYourWrites(EventStore eventStore, QueryGateway queries, ProjectionMaintenance projections,
                   DeadLetters deadLetters, @Value("${jekafo.read-your-writes-timeout}") Duration timeout,
                   @Value("${jekafo.read-your-writes-recheck:500ms}") Duration recheck) {
        this.eventStore = eventStore;
        this.queries = queries;
        this.projections = projections;
        this.deadLetters = deadLetters;
        this.timeout = timeout;
        this.recheck = recheck;
    }

    /**
     * The view of {@code aggregateId} once {@code index} shows the aggregate's last event; what it shows at the
     * time limit otherwise; {@code null} when the projection cannot be read (the command is stored all the same: the
     * mutation must not look failed because Elasticsearch is down). Every Elasticsearch call made meanwhile ends
     * within the timeout, so a paused or unreachable Elasticsearch delays the answer by at most the timeout.
     *
     * @param read      reads the view as queries see it (empty: not projected yet)
     * @param versionOf the sequence number of the aggregate's last event the view shows
     */
    public <V> V await(ProjectionIndex index, String aggregateId, Supplier<Optional<V>> read,
                       ToLongFunction<V> versionOf) {
        try (Wakeup wakeup = new Wakeup()) {
            listen(index, aggregateId, wakeup);
            return ElasticsearchCallLimits.within(timeout,
                    () -> awaitVersion(index, aggregateId, read, versionOf, wakeup));
        } catch (RuntimeException unreadable) {
            LOG.warn("Projection {} unreadable after a write to {}: {}", index.alias(), aggregateId,
                    ExceptionSummary.of(unreadable));
            return null;
        }
    }

    /** {@link #await} with the view read by a query of the shared API, as {@link ReadBack}s do. */
    <V> V await(ProjectionIndex index, String aggregateId, Object query, Class<V> view, ToLongFunction<V> versionOf) {
        return await(index, aggregateId,
                () -> Optional.ofNullable(queries.query(query, ResponseTypes.instanceOf(view)).join()), versionOf);
    }

    /**
     * Has {@code wakeup} signalled whenever the projection announces a write of the aggregate. Without the
     * subscription (the query bus refused it), the re-reads every {@code recheck} still get there.
     */
    private void listen(ProjectionIndex index, String aggregateId, Wakeup wakeup) {
        try {
            // the server's own question (a version, no content): the caller's reads are checked when the view is read
            SubscriptionQueryResult<ProjectedVersionView, ProjectedVersionView> announcements = queries.subscriptionQuery(
                    GenericMessage.asMessage(new FindProjectedVersionQuery(index.processingGroup(), aggregateId))
                            .andMetaData(LISTENER.metaData()),
                    ResponseTypes.instanceOf(ProjectedVersionView.class),
                    ResponseTypes.instanceOf(ProjectedVersionView.class));
            wakeup.closing(announcements::cancel);
            announcements.updates().subscribe(written -> wakeup.signal(), failed -> wakeup.signal());
        } catch (RuntimeException refused) {
            LOG.warn("Announcements of {} for {} not subscribed, re-reading every {}: {}", index.processingGroup(),
                    aggregateId, recheck, ExceptionSummary.of(refused));
        }
    }

    private <V> V awaitVersion(ProjectionIndex index, String aggregateId, Supplier<Optional<V>> read,
                               ToLongFunction<V> versionOf, Wakeup wakeup) {
        String group = index.processingGroup();
        long expected = eventStore.lastSequenceNumberFor(aggregateId).orElse(-1L);
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<Void> watchedRebuild = null;
        Optional<V> view = read.get();
        while (projections.isRebuilding(group) || view.map(versionOf::applyAsLong).orElse(-1L) < expected) {
            if (deadLetters.isParked(group, aggregateId)) {
                LOG.warn("Events of {} are parked in the dead-letter queue of {}", aggregateId, group);
                return view.orElse(null);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                LOG.warn("Projection {} did not reach version {} of {} within {}", index.alias(), expected,
                        aggregateId, timeout);
                return view.orElse(null);
            }
            CompletableFuture<Void> rebuild = projections.rebuildEnd(group);
            if (rebuild != watchedRebuild && !rebuild.isDone()) {
                rebuild.whenComplete((ended, failed) -> wakeup.signal());
                watchedRebuild = rebuild;
            }
            wakeup.await(Math.min(left, recheck.toNanos()));
            view = read.get();
        }
        index.refresh();
        return view.orElse(null);
    }
}
