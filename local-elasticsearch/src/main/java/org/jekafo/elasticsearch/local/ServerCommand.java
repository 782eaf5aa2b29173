package org.jekafo.elasticsearch.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jekafo.process.local.FreePort;

/**
 * The command line of a single-node Elasticsearch bound to 127.0.0.1, with security on: every HTTP request
 * must authenticate (users of the node's file realm, see {@link FileRealm}), and the transport port speaks
 * mutual TLS with the node's own certificate (see {@link TransportCertificate}). HTTP stays plain: it
 * listens on loopback only.
 *
 * @param prefix        words that run the rest as the server user (see {@link ProcessOwner#commandPrefix()})
 * @param home          the installation folder
 * @param directories   the node's data and log folders
 * @param httpPort      the REST port
 * @param transportPort the node-to-node port
 * @param heap          the JVM heap size, e.g. {@code 512m}
 */
record ServerCommand(List<String> prefix, Path home, NodeDirectories directories, int httpPort, int transportPort,
        String heap) {

    static final String CLUSTER_NAME = "jekafo-local";

    List<String> arguments() {
        List<String> arguments = new ArrayList<>(prefix);
        arguments.add("env");
        // the integ-test distribution bundles no JDK: run it on this JVM's
        arguments.add("ES_JAVA_HOME=" + System.getProperty("java.home"));
        // no copy of the built-in roles in a .security index: the integ-test distribution lacks the analyzers
        // that index's mapping needs, and the node uses its file realm only
        arguments.add("ES_JAVA_OPTS=-Xms" + heap + " -Xmx" + heap + " -Des.queryable_built_in_roles_enabled=false");
        arguments.add("ES_PATH_CONF=" + directories.config());
        arguments.add("ES_TMPDIR=" + directories.tmp());
        arguments.add("CLI_JAVA_OPTS=-Djava.io.tmpdir=" + directories.tmp());
        arguments.add(home.resolve("bin").resolve("elasticsearch").toString());
        settings().forEach((key, value) -> {
            arguments.add("-E");
            arguments.add(key + "=" + value);
        });
        return arguments;
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("discovery.type", "single-node");
        settings.put("xpack.security.enabled", "true");
        settings.put("xpack.security.http.ssl.enabled", "false");
        settings.put("xpack.security.transport.ssl.enabled", "true");
        settings.put("xpack.security.transport.ssl.verification_mode", "certificate");
        settings.put("xpack.security.transport.ssl.client_authentication", "required");
        settings.put("xpack.security.transport.ssl.key", TransportCertificate.KEY);
        settings.put("xpack.security.transport.ssl.certificate", TransportCertificate.CERTIFICATE);
        settings.put("xpack.security.transport.ssl.certificate_authorities", TransportCertificate.CERTIFICATE);
        settings.put("http.port", String.valueOf(httpPort));
        settings.put("transport.port", String.valueOf(transportPort));
        settings.put("path.data", directories.data().toString());
        settings.put("path.logs", directories.logs().toString());
        settings.put("cluster.name", CLUSTER_NAME);
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        // a write to a lost projection index must fail and be retried, not create an index without its mapping
        settings.put("action.auto_create_index", "-jekafo-*,+*");
        settings.put("network.host", FreePort.LOOPBACK);
        return settings;
    }
}
