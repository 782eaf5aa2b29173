package org.jekafo.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code --profile=default|postgres}, {@code --file=PATH}, {@code --parallelism=N},
 * {@code --scenario=census|dirty|scale|reads} (the census file as it is; or files generated with its distributions, see
 * {@link GeneratedCensusBenchmark}; or reads over HTTP, see {@link ReadBenchmark}; or {@code ballots}, every member voting
 * in a national consultation, open then secret, see {@link BallotBenchmark}), {@code --members=N} and
 * {@code --defect-rate=R} for the generated files; for {@code reads}, {@code --seconds=N} per measurement,
 * {@code --clients=1,8,20}, {@code --data=DIR} (a data folder kept between runs: loaded once, then reused) and
 * {@code --only=member,search} (the operations whose names contain one of these words); for {@code ballots},
 * {@code --clients=16} (the first number: the voting clients) and {@code --only=secret} (or {@code open}: that
 * consultation alone); {@code audit} (the auditor's questions on a large store,
 * see {@link AuditBenchmark}: {@code --members=N} generated members, 200,000 by default, and their changes up to
 * {@code --events=N} events, 1,000,000 by default; {@code --data=DIR} keeps the store for later runs).
 *
 * @param profile     {@code default} (H2 file event store) or {@code postgres} (fresh PostgreSQL database)
 * @param file        the census to import
 * @param parallelism commands in flight during the import
 * @param projectRoot the Maven project's root: where the default file is looked for, and the report written
 * @param scenario    {@code census} (the file, twice), {@code dirty} or {@code scale} (generated files)
 * @param members     lines of a generated file (22,000 for {@code dirty}, 1,000,000 for {@code scale} by default)
 * @param defectRate  share of defective lines of a generated file (5 % for {@code dirty}, none for {@code scale})
 * @param seconds     {@code reads}: how long each operation is measured at each number of clients
 * @param clients     {@code reads}: the numbers of concurrent clients measured; {@code ballots}: the first, the
 *                    clients casting ballots (16 by default)
 * @param data        {@code reads}: a data folder kept after the run and reused by the next; null: a temporary one
 * @param only        {@code reads}: measure only the operations whose names contain one of these; empty: all
 * @param events      {@code audit}: the events the store holds before the measurements
 */
record Options(String profile, Path file, int parallelism, Path projectRoot, String scenario, int members,
               double defectRate, int seconds, List<Integer> clients, Path data, List<String> only,
               long events) {

    static final String DEFAULT_FILE = "../shared/data/census-22k.csv";

    static Options parse(String[] args) {
        Path root = findProjectRoot();
        String profile = "default";
        Path file = root.resolve(DEFAULT_FILE).normalize();
        int parallelism = 4; // as `./jekafo import` (jekafo.import.parallelism)
        String scenario = "census";
        Integer members = null;
        Double defectRate = null;
        int seconds = 10;
        List<Integer> clients = null;
        Path data = null;
        List<String> only = List.of();
        long events = 1_000_000;
        for (String arg : args) {
            if (arg.startsWith("--profile=")) {
                profile = arg.substring("--profile=".length());
            } else if (arg.startsWith("--file=")) {
                file = Path.of(arg.substring("--file=".length())).toAbsolutePath().normalize();
            } else if (arg.startsWith("--parallelism=")) {
                parallelism = Integer.parseInt(arg.substring("--parallelism=".length()));
            } else if (arg.startsWith("--scenario=")) {
                scenario = arg.substring("--scenario=".length());
            } else if (arg.startsWith("--members=")) {
                members = Integer.parseInt(arg.substring("--members=".length()).replace("_", ""));
            } else if (arg.startsWith("--defect-rate=")) {
                defectRate = Double.parseDouble(arg.substring("--defect-rate=".length()));
            } else if (arg.startsWith("--seconds=")) {
                seconds = Integer.parseInt(arg.substring("--seconds=".length()));
            } else if (arg.startsWith("--clients=")) {
                clients = Arrays.stream(arg.substring("--clients=".length()).split(",")).map(String::strip)
                        .map(Integer::parseInt).toList();
            } else if (arg.startsWith("--only=")) {
                only = Arrays.stream(arg.substring("--only=".length()).split(",")).map(String::strip).toList();
            } else if (arg.startsWith("--events=")) {
                events = Long.parseLong(arg.substring("--events=".length()).replace("_", ""));
            } else if (arg.startsWith("--data=")) {
                data = Path.of(arg.substring("--data=".length())).toAbsolutePath().normalize();
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + " (expected --profile=default|postgres, "
                        + "--file=PATH, --parallelism=N, --scenario=census|dirty|scale|reads|ballots|audit, "
                        + "--members=N, --events=N, --defect-rate=R, --seconds=N, --clients=1,8,20, --data=DIR, --only=WORD,…)");
            }
        }
        if (!profile.equals("default") && !profile.equals("postgres")) {
            throw new IllegalArgumentException("--profile must be default or postgres, not " + profile);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism must be at least 1");
        }
        if (!List.of("census", "dirty", "scale", "reads", "ballots", "audit").contains(scenario)) {
            throw new IllegalArgumentException("--scenario must be census, dirty, scale, reads, ballots or audit, not "
                    + scenario);
        }
        if (clients == null) {
            clients = scenario.equals("ballots") ? List.of(16) : List.of(1, 8, 20);
        }
        if (seconds < 1 || clients.isEmpty() || clients.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("--seconds and every --clients count must be at least 1");
        }
        boolean scale = scenario.equals("scale");
        boolean reads = scenario.equals("reads");
        boolean audit = scenario.equals("audit");
        return new Options(profile, file, parallelism, root, scenario,
                members != null ? members : scale ? 1_000_000 : reads ? 110_000 : audit ? 200_000 : 22_000,
                defectRate != null ? defectRate : scale || reads || audit ? 0 : 0.05, seconds, clients, data, only,
                events);
    }

    boolean postgres() {
        return profile.equals("postgres");
    }

    /** {@code benchmark/target/benchmark-<profile>[-<scenario>].md} under the project root. */
    Path markdownReport() {
        String name = "benchmark-" + profile + (scenario.equals("census") ? "" : "-" + scenario) + ".md";
        return projectRoot.resolve("benchmark").resolve("target").resolve(name);
    }

    /**
     * Run as {@code java -jar benchmark/target/benchmark.jar}, the class path is that jar: the root is three
     * levels up. Otherwise the nearest folder, from the working directory up, that holds {@code benchmark/pom.xml}.
     */
    private static Path findProjectRoot() {
        Path jar = Path.of(System.getProperty("java.class.path", "")).toAbsolutePath().normalize();
        if (jar.getFileName() != null && jar.getFileName().toString().equals("benchmark.jar")
                && jar.getParent() != null && jar.getParent().getParent() != null
                && jar.getParent().getParent().getParent() != null) {
            return jar.getParent().getParent().getParent();
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("benchmark").resolve("pom.xml"))) {
                return dir;
            }
        }
        return cwd;
    }
}
