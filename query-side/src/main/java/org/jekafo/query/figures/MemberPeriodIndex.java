package org.jekafo.query.figures;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.jekafo.query.elasticsearch.ProjectionIndex;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Members' periods, alias {@code jekafo-member-periods}, written by the member period projection: figures as of any date. */
@Component
public class MemberPeriodIndex extends ProjectionIndex {

    public static final String ALIAS = "jekafo-member-periods";

    MemberPeriodIndex(ElasticsearchClient client, Clock clock) {
        super(client, ALIAS, MemberPeriodProjection.PROCESSING_GROUP,
                "/org/jekafo/query/elasticsearch/member-periods.json", clock);
    }
}
