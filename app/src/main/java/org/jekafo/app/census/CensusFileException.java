package org.jekafo.app.census;

import java.io.IOException;

/**
 * A census file that cannot be imported at all: a stable code for programs and one French sentence saying why.
 * Thrown before anything is registered.
 */
public class CensusFileException extends IOException {

    /** An empty file, or a header with no member under it. */
    public static final String EMPTY_FILE = "EMPTY_FILE";
    /** Neither CSV text nor an {@code .xlsx} workbook (a binary file, a damaged workbook, a malformed line). */
    public static final String UNREADABLE_FILE = "UNREADABLE_FILE";
    /** An Excel 97–2003 {@code .xls} workbook, or one protected by a password. */
    public static final String OLD_EXCEL_FORMAT = "OLD_EXCEL_FORMAT";
    /** A table whose first row names none of the census's columns. */
    public static final String NOT_A_CENSUS = "NOT_A_CENSUS";
    /** A census table without some of the columns every member needs. */
    public static final String MISSING_COLUMNS = "MISSING_COLUMNS";

    private final String code;

    CensusFileException(String code, String message) {
        super(message);
        this.code = code;
    }

    CensusFileException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
