package org.jekafo.query.membership;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.jekafo.query.elasticsearch.ProjectionIndex;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** The members index, alias {@code jekafo-members}, written by the member projection. */
@Component
public class MemberIndex extends ProjectionIndex {

    public static final String ALIAS = "jekafo-members";

    MemberIndex(ElasticsearchClient client, Clock clock) {
        super(client, ALIAS, MemberProjection.PROCESSING_GROUP, "/org/jekafo/query/elasticsearch/members.json", clock);
    }
}
