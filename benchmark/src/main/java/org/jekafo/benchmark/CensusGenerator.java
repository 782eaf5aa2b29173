package org.jekafo.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.jekafo.api.common.TextFolding;

/**
 * Writes a census of any size with the distributions of a real one (regions and their local units, trades,
 * women's share, birth years, names by gender, disability, national IDs, enrolment dates), and optionally a share
 * of defective lines of every kind found in {@code census-dirty-500.csv}, spread through the file. Every valid
 * line is distinct (card number, national ID, and name + birth year + unit), so the expected outcome is exact:
 * the defective lines, listed with their kind in the {@code .defects} file beside the census, are the rejected
 * ones. Streams its output: a million lines take a few megabytes of heap beyond the distinctness sets.
 */
final class CensusGenerator {

    /** The kinds of defect, as {@code census-dirty-500.csv.defects} names them. */
    enum Defect {
        MISSING_NAME, BAD_GENDER, BAD_PHONE, UNKNOWN_TRADE, FUTURE_BIRTH_YEAR, UNKNOWN_CHAPTER, DUPLICATE_CARD,
        DUPLICATE_NATIONAL_ID, POSSIBLE_DUPLICATE;

        String label() {
            return name().toLowerCase();
        }
    }

    /** What was written: the file, its defects file, and how many lines of each kind. */
    record Generated(Path census, Path defects, int lines, int defective) {
        int valid() {
            return lines - defective;
        }
    }

    private record Unit(String region, String prefix, String chapter) {
    }

    private final List<Unit> units = new ArrayList<>();
    private final List<String> trades = new ArrayList<>();
    private final List<String> lastNames = new ArrayList<>();
    private final List<String> womenNames = new ArrayList<>();
    private final List<String> menNames = new ArrayList<>();
    private final List<Integer> birthYears = new ArrayList<>();
    private final List<LocalDate> enrolments = new ArrayList<>();
    private double women;
    private double disabled;
    private double withNationalId;

    private CensusGenerator() {
    }

    /** The distributions of {@code reference}, a census in the federation's format (one entry per row: sampled as is). */
    static CensusGenerator from(CensusRows reference) {
        CensusGenerator generator = new CensusGenerator();
        int rows = 0;
        int women = 0;
        int disabled = 0;
        int withId = 0;
        for (List<String> row : reference.rows()) {
            String card = row.get(0);
            String prefix = card.contains("-") ? card.substring(0, card.indexOf('-')) : "XX";
            generator.units.add(new Unit(row.get(6), prefix, row.get(7)));
            generator.trades.add(row.get(8));
            generator.lastNames.add(row.get(1));
            boolean woman = row.get(3).equals("F");
            (woman ? generator.womenNames : generator.menNames).add(row.get(2));
            generator.birthYears.add(Integer.parseInt(row.get(4)));
            generator.enrolments.add(LocalDate.parse(row.get(9)));
            rows++;
            women += woman ? 1 : 0;
            disabled += CensusRows.isYes(row.get(10)) ? 1 : 0;
            withId += row.get(11).isBlank() ? 0 : 1;
        }
        generator.women = (double) women / rows;
        generator.disabled = (double) disabled / rows;
        generator.withNationalId = (double) withId / rows;
        return generator;
    }

    /**
     * Writes {@code lines} lines into {@code folder}, a share {@code defectRate} of them defective (kinds in
     * turn, at random places); the same seed writes the same file.
     */
    Generated write(Path folder, String name, int lines, double defectRate, long seed) throws IOException {
        return write(folder, name, lines, defectRate, seed, new HashSet<>(lines * 2), 0);
    }

    /**
     * Writes {@code lines} valid lines that can be imported after {@code existing}: card numbers from
     * {@code <prefix>-500001} on, and no line a look-alike (name, birth year, unit) of one of {@code existing}'s.
     */
    Generated writeBeside(CensusRows existing, Path folder, String name, int lines, long seed) throws IOException {
        Set<Long> taken = new HashSet<>((lines + existing.size()) * 2);
        existing.rows().forEach(row -> taken.add(lookAlikeKey(row.toArray(String[]::new))));
        return write(folder, name, lines, 0, seed, taken, 500_000);
    }

    private Generated write(Path folder, String name, int lines, double defectRate, long seed, Set<Long> lookAlikes,
                            int firstCard) throws IOException {
        Files.createDirectories(folder);
        Path census = folder.resolve(name + ".csv");
        Path defects = folder.resolve(name + ".csv.defects");
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Integer> nextCard = new HashMap<>();
        units.forEach(unit -> nextCard.put(unit.prefix(), firstCard));
        List<String[]> earlier = new ArrayList<>(); // a sample of valid rows, for duplicates to point back to
        int defective = 0;
        int kind = 0;
        long nationalIds = 0;
        try (BufferedWriter out = Files.newBufferedWriter(census, StandardCharsets.UTF_8);
             BufferedWriter defectsOut = Files.newBufferedWriter(defects, StandardCharsets.UTF_8)) {
            out.write(String.join(",", CensusRows.COLUMNS));
            out.newLine();
            for (int i = 0; i < lines; i++) {
                int lineNumber = i + 2;
                String[] row;
                do {
                    row = validRow(random, nextCard, nationalIds);
                } while (!lookAlikes.add(lookAlikeKey(row)));
                if (!row[11].isEmpty()) {
                    nationalIds++;
                }
                boolean makeDefective = !earlier.isEmpty() && random.nextDouble() < defectRate;
                if (makeDefective) {
                    Defect defect = Defect.values()[kind++ % Defect.values().length];
                    if (defect == Defect.DUPLICATE_NATIONAL_ID) {
                        String[] withId = earlierWithNationalId(earlier, random);
                        if (withId == null) {
                            defect = Defect.BAD_PHONE;
                        } else {
                            row[11] = withId[11];
                        }
                    }
                    spoil(row, defect, earlier.get(random.nextInt(earlier.size())));
                    defectsOut.write(lineNumber + ":" + defect.label());
                    defectsOut.newLine();
                    defective++;
                } else if (earlier.size() < 10_000) {
                    earlier.add(row.clone());
                } else if (random.nextInt(50) == 0) {
                    earlier.set(random.nextInt(earlier.size()), row.clone());
                }
                out.write(csvLine(row));
                out.newLine();
            }
        }
        return new Generated(census, defects, lines, defective);
    }

    private String[] validRow(SplittableRandom random, Map<String, Integer> nextCard, long nationalIds) {
        Unit unit = units.get(random.nextInt(units.size()));
        boolean woman = random.nextDouble() < women;
        List<String> firstNames = woman ? womenNames : menNames;
        int card = nextCard.merge(unit.prefix(), 1, Integer::sum);
        String[] row = new String[12];
        row[0] = String.format("%s-%06d", unit.prefix(), card);
        row[1] = lastNames.get(random.nextInt(lastNames.size()));
        row[2] = firstNames.get(random.nextInt(firstNames.size()));
        row[3] = woman ? "F" : "M";
        row[4] = String.valueOf(birthYears.get(random.nextInt(birthYears.size())));
        row[5] = "+223" + (random.nextBoolean() ? "7" : "6") + String.format("%07d", random.nextInt(10_000_000));
        row[6] = unit.region();
        row[7] = unit.chapter();
        row[8] = trades.get(random.nextInt(trades.size()));
        row[9] = enrolments.get(random.nextInt(enrolments.size())).toString();
        row[10] = random.nextDouble() < disabled ? "oui" : "non";
        row[11] = random.nextDouble() < withNationalId ? nationalId(nationalIds, random) : "";
        return row;
    }

    /** A NINA (14 digits and a letter), distinct for every {@code sequence}: the digits spread it, the letter varies. */
    private static String nationalId(long sequence, SplittableRandom random) {
        long spread = Math.floorMod(sequence * 7_919_000_003L + 12_345_678_901L, 100_000_000_000_000L);
        return String.format("%014d%c", spread, (char) ('A' + random.nextInt(26)));
    }

    private static void spoil(String[] row, Defect defect, String[] earlierValid) {
        switch (defect) {
            case MISSING_NAME -> row[1] = "";
            case BAD_GENDER -> row[3] = "X";
            case BAD_PHONE -> row[5] = "12345";
            case UNKNOWN_TRADE -> row[8] = "ASTRONAUTIQUE";
            case FUTURE_BIRTH_YEAR -> row[4] = String.valueOf(Year.now().getValue() + 3);
            case UNKNOWN_CHAPTER -> row[7] = "Atlantide";
            case DUPLICATE_CARD -> row[0] = earlierValid[0];
            case DUPLICATE_NATIONAL_ID -> { } // the national ID was taken from an earlier row that has one
            case POSSIBLE_DUPLICATE -> {
                row[1] = earlierValid[1];
                row[2] = earlierValid[2];
                row[3] = earlierValid[3];
                row[4] = earlierValid[4];
                row[6] = earlierValid[6];
                row[7] = earlierValid[7];
                row[11] = "";
            }
        }
    }

    private static String[] earlierWithNationalId(List<String[]> earlier, SplittableRandom random) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String[] row = earlier.get(random.nextInt(earlier.size()));
            if (!row[11].isEmpty()) {
                return row;
            }
        }
        return null;
    }

    /** Name, birth year and unit, folded as the look-alike check folds them; a 64-bit hash is distinct enough here. */
    private static long lookAlikeKey(String[] row) {
        String key = TextFolding.fold(row[1] + " " + row[2]) + "|" + row[4] + "|" + row[6] + "|" + row[7];
        long hash = 1125899906842597L;
        for (int i = 0; i < key.length(); i++) {
            hash = 31 * hash + key.charAt(i);
        }
        return hash;
    }

    private static String csvLine(String[] row) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String cell = row[i];
            line.append(cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return line.toString();
    }
}
