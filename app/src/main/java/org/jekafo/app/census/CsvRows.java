package org.jekafo.app.census;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The rows of a CSV file, read with Apache Commons CSV: RFC 4180 quoting (separators, quotes and line breaks
 * inside quoted cells), any line ending, and the separator its header line uses most (comma, semicolon or
 * tab). Decoding is strict: a byte that is not of the charset fails with a {@link CharacterCodingException},
 * so that a caller can try another charset.
 */
final class CsvRows implements SheetRows {

    /** No census record comes near this; an unclosed quote would otherwise swallow the rest of the file. */
    static final int MAX_RECORD_CHARS = 1 << 20;
    private static final int HEADER_LOOKAHEAD = 64 * 1024;

    private final RecordGuard guard;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private CsvRows(RecordGuard guard, CSVParser parser) {
        this.guard = guard;
        this.parser = parser;
        this.records = parser.iterator();
    }

    /**
     * @param skip    bytes to skip at the start (a byte order mark)
     * @param strict  whether an undecodable byte fails the reading (else it becomes U+FFFD)
     */
    static CsvRows open(Path file, Charset charset, int skip, boolean strict) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(skip);
            CodingErrorAction onError = strict ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
            Reader decoded = new InputStreamReader(in, charset.newDecoder().onMalformedInput(onError)
                    .onUnmappableCharacter(onError));
            RecordGuard guard = new RecordGuard(decoded);
            BufferedReader reader = new BufferedReader(guard, HEADER_LOOKAHEAD);
            char separator = separatorOf(firstLine(reader));
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false).get();
            return new CsvRows(guard, format.parse(reader));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public Row next() throws IOException {
        int line = (int) parser.getCurrentLineNumber() + 1;
        guard.startRecord();
        try {
            if (!records.hasNext()) {
                return null;
            }
            return new Row(line, records.next().toList());
        } catch (UncheckedIOException e) {
            throw refusal(e.getCause(), line);
        } catch (IllegalStateException e) {
            // Commons CSV reports a malformed line this way in some versions
            throw refusal(e.getCause() instanceof IOException io ? io : new IOException(e), line);
        }
    }

    private static IOException refusal(IOException cause, int line) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException coding) {
                return coding;
            }
        }
        return new CensusFileException(CensusFileException.UNREADABLE_FILE, "La ligne " + line + " du fichier est "
                + "mal formée (un guillemet n'est pas fermé ou est mal placé) : corrigez-la, puis importez à nouveau.",
                cause);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static String firstLine(BufferedReader reader) throws IOException {
        reader.mark(HEADER_LOOKAHEAD);
        char[] buffer = new char[HEADER_LOOKAHEAD];
        int length = reader.read(buffer, 0, buffer.length);
        reader.reset();
        String start = length <= 0 ? "" : new String(buffer, 0, length);
        int end = start.indexOf('\n');
        return end < 0 ? start : start.substring(0, end);
    }

    /** The separator the header line uses most, outside quotes; a comma when it uses none. */
    static char separatorOf(String headerLine) {
        char best = ',';
        int bestCount = 0;
        for (char candidate : new char[] {',', ';', '\t'}) {
            int count = 0;
            boolean quoted = false;
            for (int i = 0; i < headerLine.length(); i++) {
                char c = headerLine.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == candidate && !quoted) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    /** Fails the reading when one record runs past {@link #MAX_RECORD_CHARS}: memory stays bounded. */
    private static final class RecordGuard extends FilterReader {
        private long sinceRecordStart;

        RecordGuard(Reader in) {
            super(in);
        }

        void startRecord() {
            sinceRecordStart = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(n);
            return n;
        }

        private void count(int n) throws IOException {
            if (n > 0) {
                sinceRecordStart += n;
                if (sinceRecordStart > MAX_RECORD_CHARS + 2L * HEADER_LOOKAHEAD) {
                    throw new IOException("record longer than " + MAX_RECORD_CHARS + " characters");
                }
            }
        }
    }
}
