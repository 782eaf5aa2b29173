package org.jekafo.query.consultation;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.jekafo.query.elasticsearch.ProjectionIndex;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * What voting leaves behind, alias {@code jekafo-consultation-ballots}: open ballots (attributable), participations
 * in secret consultations (who, never what), secret ballots (what, encrypted, never who) and recommendations.
 */
@Component
public class BallotIndex extends ProjectionIndex {

    public static final String ALIAS = "jekafo-consultation-ballots";

    BallotIndex(ElasticsearchClient client, Clock clock) {
        super(client, ALIAS, BallotProjection.PROCESSING_GROUP,
                "/org/jekafo/query/elasticsearch/consultation-ballots.json", clock);
    }
}
