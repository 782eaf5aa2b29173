package org.jekafo.query.consultation;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.jekafo.query.elasticsearch.ProjectionIndex;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Consultations, alias {@code jekafo-consultations}, written by the consultation projection. */
@Component
public class ConsultationIndex extends ProjectionIndex {

    public static final String ALIAS = "jekafo-consultations";

    ConsultationIndex(ElasticsearchClient client, Clock clock) {
        super(client, ALIAS, ConsultationProjection.PROCESSING_GROUP,
                "/org/jekafo/query/elasticsearch/consultations.json", clock);
    }

    /** A few consultations a month, each changed a handful of times: each change is searchable once announced. */
    @Override
    protected boolean refreshedOnWrite() {
        return true;
    }
}
