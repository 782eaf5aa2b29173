package org.jekafo.elasticsearch.local;

import java.io.IOException;
import java.nio.file.Path;
import org.jekafo.process.local.BuiltVersion;
import org.jekafo.process.local.MavenCentral;
import org.jekafo.process.local.ZipInstaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Elasticsearch "integ-test" distribution zip: its version (filtered in at build time) and
 * where it lies in the local Maven repository, downloading it from Maven Central when absent.
 */
final class Distribution {

    private static final Logger log = LoggerFactory.getLogger(Distribution.class);
    private static final String GROUP = "org.elasticsearch.distribution.integ-test-zip";
    private static final String ARTIFACT = "elasticsearch";

    private Distribution() {
    }

    /** The Elasticsearch version this module was built for, e.g. {@code 8.19.8}. */
    static String version() {
        return BuiltVersion.of(Distribution.class, "local-elasticsearch.properties");
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
        return MavenCentral.obtain(GROUP, ARTIFACT, version, "zip");
    }
}
