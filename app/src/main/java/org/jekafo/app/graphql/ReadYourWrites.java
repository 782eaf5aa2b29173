package org.jekafo.app.graphql;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.app.config.ElasticsearchCallLimits;
import org.jekafo.api.membership.FindMemberQuery;
import org.jekafo.api.membership.MemberView;
import org.jekafo.api.orgunit.FindOrgUnitQuery;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.query.elasticsearch.DeadLetters;
import org.jekafo.query.elasticsearch.ProjectionIndex;
import org.jekafo.query.elasticsearch.ProjectionMaintenance;
import org.jekafo.query.membership.MemberIndex;
import org.jekafo.query.orgunit.OrgUnitIndex;
import org.jekafo.app.logging.ExceptionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Lets a mutation answer with what the next query will see: it waits until the projection has applied the
 * aggregate's last event (the version in the event store), then refreshes the index so searches see it
 * too. While a projection is being rebuilt, queries read the old index until the alias moves: the mutation
 * then waits for the rebuild to finish, within the same time limit (past it, it answers with what the
 * old index shows — the id is in the payload all the same). When the aggregate's events are parked in the
 * projection's dead-letter queue, it answers at once with what the index shows: they will not be applied before
 * an administrator retries them.
 */
@Component
class ReadYourWrites {

    private static final Logger LOG = LoggerFactory.getLogger(ReadYourWrites.class);

    private final EventStore eventStore;
    private final QueryGateway queries;
    private final ProjectionMaintenance projections;
    private final DeadLetters deadLetters;
    private final MemberIndex memberIndex;
    private final OrgUnitIndex orgUnitIndex;
    private final Duration timeout;

    ReadYourWrites(EventStore eventStore, QueryGateway queries, ProjectionMaintenance projections,
                   DeadLetters deadLetters, MemberIndex memberIndex, OrgUnitIndex orgUnitIndex,
                   @Value("${jekafo.read-your-writes-timeout}") Duration timeout) {
        this.eventStore = eventStore;
        this.queries = queries;
        this.projections = projections;
        this.deadLetters = deadLetters;
        this.memberIndex = memberIndex;
        this.orgUnitIndex = orgUnitIndex;
        this.timeout = timeout;
    }

    MemberView member(String memberId) {
        return await(memberId, memberIndex, () -> queries.query(new FindMemberQuery(memberId, null),
                ResponseTypes.optionalInstanceOf(MemberView.class)).join(), MemberView::version);
    }

    OrgUnitView orgUnit(String orgUnitId) {
        return await(orgUnitId, orgUnitIndex, () -> queries.query(new FindOrgUnitQuery(orgUnitId, null),
                ResponseTypes.optionalInstanceOf(OrgUnitView.class)).join(), OrgUnitView::version);
    }

    /**
     * The view once it shows the aggregate's last event; {@code null} when the projection cannot be read (the
     * command is stored all the same: the mutation must not look failed because Elasticsearch is down). Every
     * Elasticsearch call made meanwhile ends within the timeout, so a paused or unreachable Elasticsearch delays
     * the answer by at most the timeout.
     */
    private <V> V await(String aggregateId, ProjectionIndex index, Supplier<Optional<V>> read,
                        ToLongFunction<V> versionOf) {
        try {
            return ElasticsearchCallLimits.within(timeout, () -> awaitVersion(aggregateId, index, read, versionOf));
        } catch (RuntimeException unreadable) {
            LOG.warn("Projection {} unreadable after a write to {}: {}", index.alias(), aggregateId,
                    ExceptionSummary.of(unreadable));
            return null;
        }
    }

    private <V> V awaitVersion(String aggregateId, ProjectionIndex index, Supplier<Optional<V>> read,
                               ToLongFunction<V> versionOf) {
        long expected = eventStore.lastSequenceNumberFor(aggregateId).orElse(-1L);
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 2;
        Optional<V> view = read.get();
        while (projections.isRebuilding(index.processingGroup())
                || view.map(versionOf::applyAsLong).orElse(-1L) < expected) {
            if (deadLetters.isParked(index.processingGroup(), aggregateId)) {
                LOG.warn("Events of {} are parked in the dead-letter queue of {}", aggregateId, index.processingGroup());
                return view.orElse(null);
            }
            if (System.nanoTime() > deadline) {
                LOG.warn("Projection {} did not reach version {} of {} within {}", index.alias(), expected,
                        aggregateId, timeout);
                return view.orElse(null);
            }
            pauseFor(pause);
            pause = Math.min(pause * 2, 50);
            view = read.get();
        }
        index.refresh();
        return view.orElse(null);
    }

    private static void pauseFor(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the projection", e);
        }
    }
}
