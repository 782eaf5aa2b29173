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

    /**
     * The turnout is a search of this index: without a refresh at each write, a ballot is counted only at
     * Elasticsearch's next scheduled refresh (every second while searched), which alone put the time from a ballot's
     * acknowledgement to the turnout that counts it over a second. One bulk per batch of the projection, so one
     * refresh per batch (up to 500 ballots), not per ballot.
     */
    @Override
    protected boolean refreshedOnWrite() {
        return true;
    }
}
