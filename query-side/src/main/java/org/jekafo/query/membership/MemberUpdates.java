package org.jekafo.query.membership;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.membership.FindMemberQuery;
import org.jekafo.api.membership.FindMemberRegistrationsQuery;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.api.projection.ProjectedVersionView;
import org.jekafo.query.elasticsearch.ProjectionIndex;
import org.jekafo.query.elasticsearch.RefusedQueryException;
import org.jekafo.query.orgunit.OrgUnitQueries;
import org.jekafo.query.orgunit.OrgUnitTree;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tells those who follow members (GraphQL subscriptions, on whichever instance they were made) that the member
 * projection has written them: a {@link FindMemberQuery} sent as a subscription query is updated each time that
 * member's document is committed, a {@link FindMemberRegistrationsQuery} each time a member is registered in the
 * watched unit's subtree. An update names the member and the version written ({@link ProjectedVersionView}), never
 * its data: the subscriber reads the member again as itself, through the gate, masked and journaled as any read.
 * The announcements come from the index once the projection's unit of work has committed
 * ({@link ProjectionIndex#onWritten}, {@link ProjectionIndex#onCreated}), the seam read-your-writes waits on, and
 * go through Axon's {@link QueryUpdateEmitter}: on Axon Server they reach the subscriber whichever instance holds the
 * segment. Only what someone follows is looked at: without a subscriber, a batch costs one look at the subscriptions.
 */
@Component
class MemberUpdates {

    private final ElasticsearchClient client;
    private final QueryUpdateEmitter emitter;
    private final OrgUnitQueries orgUnits;

    MemberUpdates(ElasticsearchClient client, QueryUpdateEmitter emitter, OrgUnitQueries orgUnits, MemberIndex index) {
        this.client = client;
        this.emitter = emitter;
        this.orgUnits = orgUnits;
        index.onWritten(this::changed);
        index.onCreated(this::registered);
    }

    /** The unit whose new members a subscriber follows, or null when there is none. */
    @QueryHandler
    OrgUnitView handle(FindMemberRegistrationsQuery query) {
        RefusedQueryException.bounded(query.orgUnitId(), TextLimit.IDENTIFIER);
        return query.orgUnitId() == null ? null : orgUnits.tree().find(query.orgUnitId()).orElse(null);
    }

    void changed(ProjectionIndex index, Map<String, Long> versions) {
        Set<String> followed = followed(FindMemberQuery.class).map(FindMemberQuery::memberId)
                .filter(versions::containsKey).collect(Collectors.toSet());
        for (String memberId : followed) {
            emitter.emit(FindMemberQuery.class, query -> memberId.equals(query.memberId()),
                    new ProjectedVersionView(index.processingGroup(), memberId, versions.get(memberId)));
        }
    }

    /** Each new member, to the watchers of every unit above its local unit, in the order they were registered. */
    void registered(ProjectionIndex index, Map<String, Long> created) {
        Set<String> watched = followed(FindMemberRegistrationsQuery.class).map(FindMemberRegistrationsQuery::orgUnitId)
                .collect(Collectors.toSet());
        if (watched.isEmpty()) {
            return;
        }
        Map<String, String> localUnits = localUnitsOf(index, created.keySet());
        OrgUnitTree tree = orgUnits.tree();
        for (String unit : watched) {
            Set<String> under = Set.copyOf(tree.localUnitIdsUnder(unit));
            created.forEach((memberId, version) -> {
                if (under.contains(localUnits.get(memberId))) {
                    emitter.emit(FindMemberRegistrationsQuery.class, query -> unit.equals(query.orgUnitId()),
                            new ProjectedVersionView(index.processingGroup(), memberId, version));
                }
            });
        }
    }

    private <Q> Stream<Q> followed(Class<Q> queryType) {
        return emitter.activeSubscriptions().stream()
                .filter(subscription -> queryType.isAssignableFrom(subscription.getPayloadType()))
                .map(SubscriptionQueryMessage::getPayload)
                .map(queryType::cast);
    }

    /** The local unit of each member, read from the index just written (a real-time read: no refresh needed). */
    private Map<String, String> localUnitsOf(ProjectionIndex index, Set<String> memberIds) {
        try {
            var response = client.mget(m -> m.index(index.writeIndex()).ids(List.copyOf(memberIds))
                    .sourceIncludes("localUnitId"), MemberDocument.class);
            Map<String, String> units = new HashMap<>();
            for (MultiGetResponseItem<MemberDocument> item : response.docs()) {
                if (item.isResult() && item.result().found() && item.result().source() != null) {
                    units.put(item.result().id(), item.result().source().localUnitId);
                }
            }
            return units;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
