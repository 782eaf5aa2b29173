package org.jekafo.app.census;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One member's row of a census file: the line (or spreadsheet row) where it starts, the header being line 1,
 * and its cells in the census's column order ({@link CensusColumn}), as text.
 */
record CensusRecord(int line, List<String> cells) {

    CensusRecord {
        cells = List.copyOf(cells);
    }

    String cell(CensusColumn column) {
        return cells.get(column.ordinal());
    }

    /**
     * The record written as a line of the federation's CSV format (commas, minimal quoting): the same
     * members saved as CSV of any kind or as a workbook give the same text, which identifies the line's
     * registration when the file is imported again.
     */
    String canonical() {
        return cells.stream().map(CensusRecord::quoted).collect(Collectors.joining(","));
    }

    private static String quoted(String cell) {
        boolean needsQuotes = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return needsQuotes ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}
