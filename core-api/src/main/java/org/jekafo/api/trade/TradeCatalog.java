package org.jekafo.api.trade;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The trades of the census, read once from {@code trades.csv} (code, branch, French label). */
public final class TradeCatalog {

    private static final Map<String, Trade> TRADES = load();

    private TradeCatalog() {
    }

    public static List<Trade> all() {
        return List.copyOf(TRADES.values());
    }

    public static Optional<Trade> find(String code) {
        return Optional.ofNullable(code == null ? null : TRADES.get(code));
    }

    private static Map<String, Trade> load() {
        var stream = TradeCatalog.class.getResourceAsStream("trades.csv");
        if (stream == null) {
            throw new IllegalStateException("trades.csv is missing from the classpath");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (var parser = format.parse(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            Map<String, Trade> trades = new LinkedHashMap<>();
            for (CSVRecord cells : parser) {
                trades.put(cells.get(0), new Trade(cells.get(0), cells.get(1), cells.get(2)));
            }
            return Collections.unmodifiableMap(trades);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
