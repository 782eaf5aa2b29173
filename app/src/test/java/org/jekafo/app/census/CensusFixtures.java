package org.jekafo.app.census;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The same census rows saved the ways people save them: UTF-8 CSV with commas, Excel-France CSV (semicolons,
 * Windows-1252, CRLF, dates day first), UTF-8 CSV with a byte order mark, and an {@code .xlsx} workbook with
 * French headers in another order, numbers and a date cell. The second member's trades cell holds a semicolon
 * and a line break.
 */
final class CensusFixtures {

    static final List<String> HEADER = List.of("card_number", "last_name", "first_name", "gender", "birth_year",
            "phone", "region", "chapter", "trade", "enrolled_on", "disability", "national_id");

    /** One member as the census holds it. */
    record Member(String card, String lastName, String firstName, String gender, int birthYear, String phone,
                  String chapter, String trades, LocalDate enrolledOn) {
        List<String> cells() {
            return List.of(card, lastName, firstName, gender, String.valueOf(birthYear), phone, "Tombouctou", chapter,
                    trades, enrolledOn.toString(), "non", "");
        }
    }

    private CensusFixtures() {
    }

    static List<Member> members(String suffix, List<String> cards) {
        return List.of(
                new Member(cards.get(0), "Traoré" + suffix, "Aïssata", "F", 1973, "76123456", "Diré", "TISSAGE",
                        LocalDate.of(2020, 4, 5)),
                new Member(cards.get(1), "Maïga" + suffix, "François", "M", 1981, "66554433", "Niafunké",
                        "TISSAGE;\nTEINTURE", LocalDate.of(2019, 11, 20)),
                new Member(cards.get(2), "Diarra" + suffix, "Hèlène", "F", 1990, "79001122", "Tombouctou", "COUTURE",
                        LocalDate.of(2021, 1, 31)));
    }

    static Path utf8Comma(Path folder, List<Member> members) throws IOException {
        return write(folder.resolve("utf8.csv"), csv(members, ',', "\n", false), StandardCharsets.UTF_8, false);
    }

    static Path excelFrance(Path folder, List<Member> members) throws IOException {
        return write(folder.resolve("excel-france.csv"), csv(members, ';', "\r\n", true),
                Charset.forName("windows-1252"), false);
    }

    static Path utf8WithBom(Path folder, List<Member> members) throws IOException {
        return write(folder.resolve("bom.csv"), csv(members, ',', "\r\n", false), StandardCharsets.UTF_8, true);
    }

    /** French headers in another order, an extra column, numbers as numbers and the enrolment date as a date. */
    static Path workbook(Path folder, List<Member> members) throws IOException {
        Path file = folder.resolve("recensement.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Recensement");
            List<String> headers = List.of("Prénom", "NOM", "N° carte", "Téléphone", "Sexe", "Année de naissance",
                    "Observations", "Région", "Unité locale", "Métier", "Date d'adhésion", "Handicap", "NINA");
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
            }
            for (int r = 0; r < members.size(); r++) {
                Member m = members.get(r);
                int row = r + 1;
                sheet.value(row, 0, m.firstName());
                sheet.value(row, 1, m.lastName());
                sheet.value(row, 2, m.card());
                sheet.value(row, 3, Long.parseLong(m.phone()));
                sheet.value(row, 4, m.gender());
                sheet.value(row, 5, m.birthYear());
                sheet.value(row, 6, "vu le " + row);
                sheet.value(row, 7, "Tombouctou");
                sheet.value(row, 8, m.chapter());
                sheet.value(row, 9, m.trades());
                sheet.value(row, 10, m.enrolledOn());
                sheet.style(row, 10).format("dd/mm/yyyy").set();
                sheet.value(row, 11, "non");
            }
            workbook.finish();
        }
        return file;
    }

    private static String csv(List<Member> members, char separator, String newline, boolean frenchDates) {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(String.valueOf(separator), HEADER));
        for (Member m : members) {
            List<String> cells = new ArrayList<>(m.cells());
            if (frenchDates) {
                LocalDate d = m.enrolledOn();
                cells.set(9, String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear()));
            }
            lines.add(cells.stream().map(cell -> quoted(cell, separator)).collect(Collectors.joining(String.valueOf(separator))));
        }
        return String.join(newline, lines) + newline;
    }

    private static String quoted(String cell, char separator) {
        return cell.indexOf(separator) >= 0 || cell.contains("\n") || cell.contains("\"") || cell.contains(";")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    private static Path write(Path file, String text, Charset charset, boolean bom) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write(text.getBytes(charset));
        }
        return file;
    }
}
