package org.jekafo.app.census;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A census file as people save it, recognised by its content, never by its name or a setting: CSV with comma,
 * semicolon or tab, in UTF-8 (with or without byte order mark), UTF-16 with its mark, or else Windows-1252,
 * any line ending; or an {@code .xlsx} workbook (its first sheet). The header row names the columns in French
 * or English, in any order. Opening the file reads it through once, so that a file that cannot be imported is
 * refused with one French sentence ({@link CensusFileException}) before anything is registered; its records
 * are then streamed, so a file of any length is read in constant memory.
 */
final class CensusFile {

    private static final int SAMPLE = 8192;
    private static final int HEADER_SEARCH_ROWS = 10;
    private static final int HEADER_MIN_COLUMNS = 3;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern FRENCH_DATE = Pattern.compile("\\s*(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})\\s*");

    private final SheetRows.Opener opener;
    private final int size;

    private CensusFile(SheetRows.Opener opener, int size) {
        this.opener = opener;
        this.size = size;
    }

    /** Recognises the file and reads it through once; refuses it when it cannot be imported. */
    static CensusFile open(Path file) throws IOException {
        byte[] sample = sample(file);
        if (sample.length == 0) {
            throw empty();
        }
        if (startsWith(sample, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            throw new CensusFileException(CensusFileException.OLD_EXCEL_FORMAT, "Ce fichier est un classeur Excel "
                    + "ancien (.xls) ou protégé par un mot de passe : enregistrez-le au format .xlsx ou CSV, sans mot "
                    + "de passe, puis importez-le à nouveau.");
        }
        if (startsWith(sample, 'P', 'K', 3, 4)) {
            return readThrough(() -> XlsxRows.open(file));
        }
        if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
            return readThrough(() -> CsvRows.open(file, StandardCharsets.UTF_8, 3, false));
        }
        if (startsWith(sample, 0xFF, 0xFE)) {
            return readThrough(() -> CsvRows.open(file, StandardCharsets.UTF_16LE, 2, false));
        }
        if (startsWith(sample, 0xFE, 0xFF)) {
            return readThrough(() -> CsvRows.open(file, StandardCharsets.UTF_16BE, 2, false));
        }
        if (isBinary(sample)) {
            throw new CensusFileException(CensusFileException.UNREADABLE_FILE, "Ce fichier n'est ni un tableau CSV ni "
                    + "un classeur Excel .xlsx : enregistrez le recensement dans l'un de ces formats, puis importez-le.");
        }
        try {
            return readThrough(() -> CsvRows.open(file, StandardCharsets.UTF_8, 0, true));
        } catch (CharacterCodingException notUtf8) {
            return readThrough(() -> CsvRows.open(file, WINDOWS_1252, 0, false));
        }
    }

    /** How many member records the file holds (blank rows left out). */
    int size() {
        return size;
    }

    /** The member records, in file order, read anew from the file; close them when done. */
    Records records() throws IOException {
        SheetRows rows = opener.open();
        try {
            return new Records(rows, header(rows));
        } catch (IOException | RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /** The records of one reading of the file; an I/O failure while iterating is an {@link UncheckedIOException}. */
    static final class Records implements Iterator<CensusRecord>, Closeable {
        private final SheetRows rows;
        private final CensusHeader header;
        private CensusRecord next;

        private Records(SheetRows rows, CensusHeader header) {
            this.rows = rows;
            this.header = header;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                try {
                    next = nextRecord(rows, header);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return next != null;
        }

        @Override
        public CensusRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            CensusRecord record = next;
            next = null;
            return record;
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }

    private static CensusFile readThrough(SheetRows.Opener opener) throws IOException {
        try (SheetRows rows = opener.open()) {
            CensusHeader header = header(rows);
            int size = 0;
            while (nextRecord(rows, header) != null) {
                size++;
            }
            if (size == 0) {
                throw new CensusFileException(CensusFileException.EMPTY_FILE, "Ce fichier ne contient que la ligne "
                        + "d'en-tête : aucun membre à importer.");
            }
            return new CensusFile(opener, size);
        }
    }

    /**
     * Reads up to the header row: the first of the first rows that names several census columns (a title row
     * may come before it), or else the first row, refused for what it lacks.
     */
    private static CensusHeader header(SheetRows rows) throws IOException {
        List<String> first = null;
        for (int seen = 0; seen < HEADER_SEARCH_ROWS; ) {
            SheetRows.Row row = rows.next();
            if (row == null) {
                break;
            }
            if (isBlank(row.cells())) {
                continue;
            }
            seen++;
            first = first == null ? row.cells() : first;
            if (CensusHeader.columnsNamedIn(row.cells()) >= HEADER_MIN_COLUMNS) {
                CensusHeader header = CensusHeader.of(row.cells());
                int dates = header.positionOf(CensusColumn.ENROLLED_ON);
                if (dates >= 0) {
                    rows.readAsDates(dates);
                }
                return header;
            }
        }
        if (first == null) {
            throw empty();
        }
        CensusHeader.of(first);
        throw new CensusFileException(CensusFileException.NOT_A_CENSUS, "Ce fichier n'est pas un recensement : sa "
                + "ligne d'en-tête ne nomme pas assez des colonnes attendues.");
    }

    /** The next row that holds something in a census column, or {@code null} at the end of the file. */
    private static CensusRecord nextRecord(SheetRows rows, CensusHeader header) throws IOException {
        for (SheetRows.Row row = rows.next(); row != null; row = rows.next()) {
            List<String> cells = header.cellsOf(row.cells());
            if (!isBlank(cells)) {
                int enrolledOn = CensusColumn.ENROLLED_ON.ordinal();
                cells.set(enrolledOn, isoDate(cells.get(enrolledOn)));
                return new CensusRecord(row.line(), cells);
            }
        }
        return null;
    }

    /** {@code 05/04/2020} (day first, as French spreadsheets write dates) as {@code 2020-04-05}; else as it is. */
    static String isoDate(String text) {
        Matcher date = FRENCH_DATE.matcher(text);
        if (!date.matches()) {
            return text;
        }
        try {
            return LocalDate.of(Integer.parseInt(date.group(3)), Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(1))).toString();
        } catch (DateTimeException notADate) {
            return text;
        }
    }

    private static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
    }

    private static CensusFileException empty() {
        return new CensusFileException(CensusFileException.EMPTY_FILE, "Ce fichier est vide : il ne contient aucune "
                + "ligne de recensement.");
    }

    private static byte[] sample(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE);
        }
    }

    /** Text never holds a NUL byte; binary files (and UTF-16 text without its mark) do at once. */
    private static boolean isBinary(byte[] sample) {
        for (byte b : sample) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        return bytes.length >= prefix.length && Arrays.equals(Arrays.copyOf(bytes, prefix.length),
                toBytes(prefix));
    }

    private static byte[] toBytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
