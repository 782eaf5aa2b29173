package org.jekafo.app.platform.graphql;

import java.util.List;

/**
 * Where a page of a cursor connection starts and ends, and whether others come before and after it (Relay's
 * cursor-connections specification). Whether elements come before and after the page is the connection's to say:
 * read forward, there is a previous page exactly when the page was asked for after a cursor; read backward, a next
 * page exactly when it was asked for before one; a history, read either way, knows both.
 */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {

    /** The size of a page asked for with neither {@code first} nor {@code last}, where both are optional. */
    public static final int DEFAULT_SIZE = 20;

    /** The page whose edges carry {@code cursors}, in order. */
    public static PageInfo of(List<String> cursors, boolean hasNextPage, boolean hasPreviousPage) {
        return new PageInfo(hasNextPage, hasPreviousPage, cursors.isEmpty() ? null : cursors.get(0),
                cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
    }
}
