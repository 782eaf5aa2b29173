package org.jekafo.query.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.jekafo.query.elasticsearch.ProjectionIndex;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Every event of every aggregate, alias {@code jekafo-audit}, written by the audit projection. */
@Component
public class AuditIndex extends ProjectionIndex {

    public static final String ALIAS = "jekafo-audit";

    AuditIndex(ElasticsearchClient client, Clock clock) {
        super(client, ALIAS, AuditProjection.PROCESSING_GROUP, "/org/jekafo/query/elasticsearch/audit.json", clock);
    }
}
