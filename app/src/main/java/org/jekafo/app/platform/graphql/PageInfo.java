package org.jekafo.app.platform.graphql;

import java.util.List;

/**
 * Where a page of a cursor connection starts and ends, and whether others come before and after it (Relay's
 * cursor-connections specification). Read forward, there is a previous page exactly when the page was asked for
 * after a cursor; read backward, a next page exactly when it was asked for before one.
 */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {

    /** The page whose edges carry {@code cursors}, in order. */
    public static PageInfo of(List<String> cursors, boolean hasNextPage, boolean hasPreviousPage) {
        return new PageInfo(hasNextPage, hasPreviousPage, cursors.isEmpty() ? null : cursors.get(0),
                cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
    }
}
