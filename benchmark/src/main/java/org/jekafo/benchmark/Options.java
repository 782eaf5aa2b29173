package org.jekafo.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command line: {@code --profile=default|postgres}, {@code --file=PATH}, {@code --parallelism=N}.
 *
 * @param profile     {@code default} (H2 file event store) or {@code postgres} (fresh PostgreSQL database)
 * @param file        the census to import
 * @param parallelism commands in flight during the import
 * @param projectRoot the Maven project's root: where the default file is looked for, and the report written
 */
record Options(String profile, Path file, int parallelism, Path projectRoot) {

    static final String DEFAULT_FILE = "../shared/data/census-22k.csv";

    static Options parse(String[] args) {
        Path root = findProjectRoot();
        String profile = "default";
        Path file = root.resolve(DEFAULT_FILE).normalize();
        int parallelism = 4; // as `./jekafo import` (jekafo.import.parallelism)
        for (String arg : args) {
            if (arg.startsWith("--profile=")) {
                profile = arg.substring("--profile=".length());
            } else if (arg.startsWith("--file=")) {
                file = Path.of(arg.substring("--file=".length())).toAbsolutePath().normalize();
            } else if (arg.startsWith("--parallelism=")) {
                parallelism = Integer.parseInt(arg.substring("--parallelism=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg
                        + " (expected --profile=default|postgres, --file=PATH, --parallelism=N)");
            }
        }
        if (!profile.equals("default") && !profile.equals("postgres")) {
            throw new IllegalArgumentException("--profile must be default or postgres, not " + profile);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism must be at least 1");
        }
        return new Options(profile, file, parallelism, root);
    }

    boolean postgres() {
        return profile.equals("postgres");
    }

    /** {@code benchmark/target/benchmark-<profile>.md} under the project root. */
    Path markdownReport() {
        return projectRoot.resolve("benchmark").resolve("target").resolve("benchmark-" + profile + ".md");
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
