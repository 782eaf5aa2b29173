package org.jekafo.app.figures;

import org.jekafo.app.figures.FiguresController.Cell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The small-counts rule of the census ({@code memberCounts}) applied to figures as of a date and to indicators, for
 * auditors and administrators: a count of 1 to 4 members reads null and suppressed; where the cells of a breakdown
 * add up to the total, a cell suppressed alone takes the smallest other with it; a total of 1 to 4 hides
 * everything. A part of a whole (the women among the members) is hidden, with its share, when it or the rest is
 * 1 to 4 — its share would give it back.
 */
final class SmallFigures {

    /** The smallest count shown. */
    static final long THRESHOLD = 5;

    private SmallFigures() {
    }

    static boolean small(Long count) {
        return count != null && count > 0 && count < THRESHOLD;
    }

    /** Cells that do not add up to anything (a member counts in each of their trades). */
    static List<Cell> cells(List<Cell> cells) {
        return cells.stream().map(cell -> small(cell.count()) ? cell.hidden() : cell).toList();
    }

    /** Cells that add up to the total. */
    static List<Cell> partition(List<Cell> cells) {
        List<Cell> result = new ArrayList<>(cells(cells));
        if (result.stream().filter(Cell::suppressed).count() == 1) {
            result.stream().filter(cell -> !cell.suppressed()).min(Comparator.comparing(Cell::count))
                    .ifPresent(smallest -> result.set(result.indexOf(smallest), smallest.hidden()));
        }
        return result;
    }

    /** A part of a whole as shown: null when it or the rest of the whole is small. */
    static Long part(long whole, long part) {
        return small(part) || small(whole - part) ? null : part;
    }
}
