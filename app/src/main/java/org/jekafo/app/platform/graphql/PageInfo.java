package org.jekafo.app.platform.graphql;

import java.util.List;

/**
 * Where a page of a cursor connection starts and ends, and whether others come before and after it (Relay's
 * cursor-connections specification). Pages are read forward: there is a previous page exactly when the page was
 * asked for after a cursor.
 */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {

    /** The page whose edges carry {@code cursors}, in order. */
    public static PageInfo of(List<String> cursors, boolean hasNextPage, boolean afterACursor) {
        return new PageInfo(hasNextPage, afterACursor, cursors.isEmpty() ? null : cursors.get(0),
                cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
    }
}
