package org.jekafo.api.common;

import java.util.ArrayList;
import java.util.List;

/** One line of a CSV file as the federation's spreadsheets write them (RFC 4180 quoting, no line breaks in cells). */
public final class CsvLine {

    private CsvLine() {
    }

    /** Splits one CSV line (RFC 4180 quoting, no line breaks inside cells). */
    public static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
