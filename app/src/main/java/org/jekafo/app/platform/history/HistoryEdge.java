package org.jekafo.app.platform.history;

import org.jekafo.api.history.HistoryEntryView;

/** One entry of a history page and the cursor that continues after (or before) it. */
public record HistoryEdge(String cursor, HistoryEntryView node) {
}
