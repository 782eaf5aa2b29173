package org.jekafo.elasticsearch.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch "integ-test" distribution zip: its version (filtered in at build time) and
 * where it lies in the local Maven repository, downloading it from Maven Central when absent.
 */
final class Distribution {

    private static final Logger log = LoggerFactory.getLogger(Distribution.class);
    private static final String ARTIFACT_FOLDER =
            "org/elasticsearch/distribution/integ-test-zip/elasticsearch";

    private Distribution() {
    }

    /** The Elasticsearch version this module was built for, e.g. {@code 8.19.8}. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = Distribution.class.getResourceAsStream("local-elasticsearch.properties")) {
            if (in == null) {
                throw new IllegalStateException("local-elasticsearch.properties is missing from the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "");
        if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
            throw new IllegalStateException("local-elasticsearch.properties holds no resolved version: '"
                    + version + "' (was the resource filtered by Maven?)");
        }
        return version;
    }

    /**
     * The installation folder of {@code version}, unpacked from the distribution zip on first use:
     * {@code ~/.jekafo/elasticsearch/elasticsearch-<version>}, or a folder chosen by {@code owner}.
     */
    static Path install(String version, ProcessOwner owner) throws IOException {
        Path base = owner.usableDirectory(Path.of(System.getProperty("user.home"), ".jekafo", "elasticsearch"), "");
        Path home = base.resolve("elasticsearch-" + version);
        if (ZipInstaller.isComplete(home)) {
            log.info("Elasticsearch {} is installed in {}", version, home);
            return home;
        }
        return ZipInstaller.installOnce(zip(version), home);
    }

    /** The distribution zip in the local Maven repository, downloaded first when it is not there. */
    static Path zip(String version) throws IOException {
        String relativePath = ARTIFACT_FOLDER + "/" + version + "/elasticsearch-" + version + ".zip";
        Path zip = localRepository().resolve(relativePath);
        if (Files.isRegularFile(zip)) {
            log.info("Using the Elasticsearch distribution from the local Maven repository: {}", zip);
        } else {
            MavenCentral.download(relativePath, zip);
        }
        return zip;
    }

    /** The local Maven repository: system property {@code maven.repo.local}, else {@code ~/.m2/repository}. */
    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }
}
