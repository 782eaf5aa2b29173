package org.jekafo.app.platform.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.servlet.http.HttpServletResponse;
import org.jekafo.app.platform.gate.AccessRefusedException;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes an export as it is read: rows of a streaming query's results, in CSV (a header line, then one line per row,
 * RFC 4180 quoting) or NDJSON (one JSON object per line), UTF-8, ending with a trailer line that carries the SHA-256
 * of every byte before it and the number of rows — {@code #sha256=<hex>;rows=<n>} in CSV,
 * {@code {"sha256":"<hex>","rows":<n>}} in NDJSON. A body without its trailer was cut short. Memory holds one chunk
 * of rows, whatever their number: the query's results are asked for a chunk at a time, and each chunk is handed to
 * {@code beforeWriting} (the personal-data journal) before a byte of it is written.
 *
 * <p>The query is subscribed to before anything is written: a refusal of the gate (403, 401) or of the input (400)
 * answers with its typed code as JSON, never as half an export.
 */
public final class StreamedExport {

    /** Rows asked for, journaled and written at a time. */
    public static final int CHUNK = 1_000;

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The formats an export is written in, by the extension of its path. */
    public enum Format {
        CSV("text/csv;charset=UTF-8"), NDJSON("application/x-ndjson;charset=UTF-8");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        /** {@code csv} or {@code ndjson}; anything else is refused with {@code INVALID_INPUT}. */
        public static Format of(String extension) {
            return switch (extension) {
                case "csv" -> CSV;
                case "ndjson" -> NDJSON;
                default -> throw new InvalidInputException("INVALID_INPUT", "format",
                        "Format d'export inconnu : csv ou ndjson.");
            };
        }
    }

    /** One column: its name (CSV header, JSON key) and how a row gives its value. */
    public record Column<T>(String name, Function<T, Object> value) {
    }

    private StreamedExport() {
    }

    /**
     * Streams {@code results} to {@code response} as {@code fileName.csv|.ndjson}.
     *
     * @return the number of rows written
     */
    public static <T> long write(HttpServletResponse response, Format format, String fileName, List<Column<T>> columns,
                                 Publisher<T> results, Consumer<List<T>> beforeWriting) throws IOException {
        Iterator<T> rows = Flux.from(results).toIterable(CHUNK).iterator();
        boolean any = started(rows);
        response.setContentType(format.contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "." + format.name()
                .toLowerCase() + "\"");
        MessageDigest sha256 = sha256();
        OutputStream out = response.getOutputStream();
        Writer body = new BufferedWriter(new OutputStreamWriter(new DigestOutputStream(out, sha256),
                StandardCharsets.UTF_8), 64 * 1024);
        if (format == Format.CSV) {
            body.write(csvLine(columns.stream().map(Column::name).map(Object.class::cast).toList()));
        }
        long count = 0;
        List<T> chunk = new ArrayList<>(CHUNK);
        while (any && rows.hasNext()) {
            chunk.add(rows.next());
            if (chunk.size() == CHUNK || !rows.hasNext()) {
                beforeWriting.accept(chunk);
                for (T row : chunk) {
                    body.write(format == Format.CSV ? csvLine(columns.stream().map(c -> c.value().apply(row)).toList())
                            : jsonLine(columns, row));
                }
                count += chunk.size();
                chunk.clear();
                body.flush();
            }
        }
        body.flush();
        String digest = HexFormat.of().formatHex(sha256.digest());
        String trailer = format == Format.CSV ? "#sha256=" + digest + ";rows=" + count + "\n"
                : "{\"sha256\":\"" + digest + "\",\"rows\":" + count + "}\n";
        out.write(trailer.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return count;
    }

    /** Whether the results hold a row; subscribing runs the gate, whose refusal is thrown as such. */
    private static boolean started(Iterator<?> rows) {
        try {
            return rows.hasNext();
        } catch (RuntimeException failure) {
            AccessRefusedException refused = AccessRefusedException.in(failure);
            throw refused != null ? refused : failure;
        }
    }

    private static <T> String jsonLine(List<Column<T>> columns, T row) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        columns.forEach(column -> object.put(column.name(), column.value().apply(row)));
        return JSON.writeValueAsString(object) + "\n";
    }

    private static String csvLine(List<Object> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = values.get(i);
            String text = value == null ? "" : value instanceof List<?> list ? String.join(" ",
                    list.stream().map(String::valueOf).toList()) : String.valueOf(value);
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                    || text.indexOf('\r') >= 0 || text.startsWith("#")) {
                text = '"' + text.replace("\"", "\"\"") + '"';
            }
            line.append(text);
        }
        return line.append('\n').toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
