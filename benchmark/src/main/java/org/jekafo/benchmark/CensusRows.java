package org.jekafo.benchmark;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The census rows, read once for the raw measurements (the import reads the file itself). */
final class CensusRows {

    static final List<String> COLUMNS = List.of("card_number", "last_name", "first_name", "gender", "birth_year",
            "phone", "region", "chapter", "trade", "enrolled_on", "disability", "national_id");

    private final List<List<String>> rows;

    private CensusRows(List<List<String>> rows) {
        this.rows = rows;
    }

    static CensusRows read(Path csv) throws IOException {
        try (var reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.parse(reader)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new IOException(csv + " is empty");
            }
            List<String> header = new ArrayList<>(records.next().toList());
            header.set(0, header.get(0).startsWith("\uFEFF") ? header.get(0).substring(1) : header.get(0));
            if (!header.equals(COLUMNS)) {
                throw new IOException(csv + " does not have the census header " + String.join(",", COLUMNS));
            }
            List<List<String>> rows = new ArrayList<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                List<String> cells = new ArrayList<>(record.toList());
                while (cells.size() < COLUMNS.size()) {
                    cells.add("");
                }
                rows.add(cells);
            }
            return new CensusRows(rows);
        }
    }

    int size() {
        return rows.size();
    }

    List<List<String>> rows() {
        return rows;
    }

    /** One row as a JSON document: the 12 columns, typed; an empty national ID is left out. */
    static Map<String, Object> document(List<String> row) {
        Map<String, Object> doc = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            String column = COLUMNS.get(i);
            String value = row.get(i);
            switch (column) {
                case "birth_year" -> doc.put(column, Integer.parseInt(value));
                case "disability" -> doc.put(column, isYes(value));
                case "national_id" -> {
                    if (!value.isBlank()) {
                        doc.put(column, value);
                    }
                }
                default -> doc.put(column, value);
            }
        }
        return doc;
    }

    static boolean isYes(String value) {
        return value.equalsIgnoreCase("oui");
    }
}
