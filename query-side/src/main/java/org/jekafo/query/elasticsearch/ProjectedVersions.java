package org.jekafo.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.jekafo.api.projection.FindProjectedVersionQuery;
import org.jekafo.api.projection.ProjectedVersionView;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells whoever waits for a projection ({@link FindProjectedVersionQuery} as a subscription query) that it has
 * written an aggregate's document: every projection's committed writes reach it through its index
 * ({@link ProjectionIndex#onWritten}), so no projection announces anything itself. Updates go through Axon's
 * {@link QueryUpdateEmitter}: on Axon Server they reach the subscriber whichever instance holds the segment.
 * Only documents someone waits for are announced, so a batch of thousands costs one look at the subscriptions.
 */
@Component
class ProjectedVersions {

    private final ElasticsearchClient client;
    private final QueryUpdateEmitter emitter;
    private final List<ProjectionIndex> indices;

    ProjectedVersions(ElasticsearchClient client, QueryUpdateEmitter emitter, List<ProjectionIndex> indices) {
        this.client = client;
        this.emitter = emitter;
        this.indices = indices;
        indices.forEach(index -> index.onWritten(this::announce));
    }

    /** The version the projection shows now (a real-time GET of the document's version through the alias). */
    @QueryHandler
    ProjectedVersionView handle(FindProjectedVersionQuery query) {
        ProjectionIndex index = indices.stream().filter(i -> i.processingGroup().equals(query.processingGroup()))
                .findFirst().orElse(null);
        if (index == null) {
            return null;
        }
        try {
            @SuppressWarnings("rawtypes")
            var response = client.get(g -> g.index(index.alias()).id(query.aggregateId()).sourceIncludes("version"),
                    Map.class);
            Object version = response.found() && response.source() != null ? response.source().get("version") : null;
            return new ProjectedVersionView(query.processingGroup(), query.aggregateId(),
                    version instanceof Number number ? number.longValue() : -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void announce(ProjectionIndex index, Map<String, Long> versions) {
        String group = index.processingGroup();
        Set<String> awaited = emitter.activeSubscriptions().stream()
                .filter(subscription -> FindProjectedVersionQuery.class.isAssignableFrom(subscription.getPayloadType()))
                .map(SubscriptionQueryMessage::getPayload)
                .map(FindProjectedVersionQuery.class::cast)
                .filter(query -> query.processingGroup().equals(group))
                .map(FindProjectedVersionQuery::aggregateId)
                .collect(Collectors.toSet());
        for (String aggregateId : awaited) {
            Long version = versions.get(aggregateId);
            if (version != null) {
                emitter.emit(FindProjectedVersionQuery.class,
                        query -> query.processingGroup().equals(group) && query.aggregateId().equals(aggregateId),
                        new ProjectedVersionView(group, aggregateId, version));
            }
        }
    }
}
