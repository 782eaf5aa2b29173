package org.jekafo.app.platform.history;

import org.jekafo.app.platform.graphql.PageInfo;

import java.util.List;

/** A page of an aggregate's history (GraphQL's {@code HistoryConnection}): its edges, where it stands, the total. */
public record HistoryConnection(List<HistoryEdge> edges, PageInfo pageInfo, long totalCount) {
}
