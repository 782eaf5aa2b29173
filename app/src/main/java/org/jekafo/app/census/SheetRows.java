package org.jekafo.app.census;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** The rows of a table file, read one at a time, each with the line (or spreadsheet row) where it starts. */
interface SheetRows extends Closeable {

    /** The next row, or {@code null} after the last one; a file that cannot be read further is refused. */
    Row next() throws IOException;

    /** Cells of this column hold dates: a workbook turns its date numbers into ISO dates there. */
    default void readAsDates(int column) {
    }

    /** One row: the line (or row) of the file where it starts, counting from 1, and its cells as text. */
    record Row(int line, List<String> cells) {
    }

    /** Opens the rows of a file, anew for each pass. */
    @FunctionalInterface
    interface Opener {
        SheetRows open() throws IOException;
    }
}
