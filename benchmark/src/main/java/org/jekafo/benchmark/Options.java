package org.jekafo.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command line: {@code --profile=default|postgres}, {@code --file=PATH}, {@code --parallelism=N},
 * {@code --scenario=census|dirty|scale} (the census file as it is; or files generated with its distributions, see
 * {@link GeneratedCensusBenchmark}), {@code --members=N} and {@code --defect-rate=R} for the generated files.
 *
 * @param profile     {@code default} (H2 file event store) or {@code postgres} (fresh PostgreSQL database)
 * @param file        the census to import
 * @param parallelism commands in flight during the import
 * @param projectRoot the Maven project's root: where the default file is looked for, and the report written
 * @param scenario    {@code census} (the file, twice), {@code dirty} or {@code scale} (generated files)
 * @param members     lines of a generated file (22,000 for {@code dirty}, 1,000,000 for {@code scale} by default)
 * @param defectRate  share of defective lines of a generated file (5 % for {@code dirty}, none for {@code scale})
 */
record Options(String profile, Path file, int parallelism, Path projectRoot, String scenario, int members,
               double defectRate) {

    static final String DEFAULT_FILE = "../shared/data/census-22k.csv";

    static Options parse(String[] args) {
        Path root = findProjectRoot();
        String profile = "default";
        Path file = root.resolve(DEFAULT_FILE).normalize();
        int parallelism = 4; // as `./jekafo import` (jekafo.import.parallelism)
        String scenario = "census";
        Integer members = null;
        Double defectRate = null;
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
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + " (expected --profile=default|postgres, "
                        + "--file=PATH, --parallelism=N, --scenario=census|dirty|scale, --members=N, --defect-rate=R)");
            }
        }
        if (!profile.equals("default") && !profile.equals("postgres")) {
            throw new IllegalArgumentException("--profile must be default or postgres, not " + profile);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism must be at least 1");
        }
        if (!scenario.equals("census") && !scenario.equals("dirty") && !scenario.equals("scale")) {
            throw new IllegalArgumentException("--scenario must be census, dirty or scale, not " + scenario);
        }
        boolean scale = scenario.equals("scale");
        return new Options(profile, file, parallelism, root, scenario,
                members != null ? members : scale ? 1_000_000 : 22_000,
                defectRate != null ? defectRate : scale ? 0 : 0.05);
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
