package org.jekafo.elasticsearch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What another user of the machine meets when they try the local server. */
class SecuredLocalElasticsearchTest {

    private static LocalElasticsearch elasticsearch;
    private static Http user;

    @BeforeAll
    static void startSharedServer() {
        elasticsearch = LocalElasticsearch.shared();
        user = Http.as(elasticsearch.credentials().orElseThrow());
    }

    @Test
    void requestWithoutCredentialsIsRefused() throws Exception {
        HttpResponse<String> health = Http.anonymous().get(elasticsearch.url() + "/_cluster/health");

        assertThat(health.statusCode()).isEqualTo(401);
    }

    @Test
    void requestWithAWrongPasswordIsRefused() throws Exception {
        Http guesser = Http.as(new LocalElasticsearch.Credentials(elasticsearch.credentials().orElseThrow().username(),
                "not-the-password"));

        assertThat(guesser.get(elasticsearch.url() + "/_cluster/health").statusCode()).isEqualTo(401);
    }

    @Test
    void builtInSuperuserCannotLogIn() throws Exception {
        Http elastic = Http.as(new LocalElasticsearch.Credentials("elastic", "changeme"));

        assertThat(elastic.get(elasticsearch.url() + "/_cluster/health").statusCode()).isEqualTo(401);
    }

    @Test
    void userCannotCreateIndicesOutsideTheApplicationPrefix() throws Exception {
        HttpResponse<String> created = user.put(elasticsearch.url() + "/other-" + UUID.randomUUID(), "{}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(403);
    }

    @Test
    void httpAndTransportListenOnLoopbackOnly() throws Exception {
        HttpResponse<String> nodes = user.get(elasticsearch.url() + "/_nodes/_local/http,transport");

        assertThat(nodes.statusCode()).as(nodes.body()).isEqualTo(200);
        List<String> bound = JsonPath.read(nodes.body(), "$.nodes.*.*.bound_address[*]");
        assertThat(bound).isNotEmpty().allMatch(address -> address.startsWith("127.0.0.1:"), "on 127.0.0.1");
    }

    @Test
    void transportPortRefusesAClientWithoutTheNodeCertificate() throws Exception {
        HttpResponse<String> nodes = user.get(elasticsearch.url() + "/_nodes/_local/transport");
        List<String> publish = JsonPath.read(nodes.body(), "$.nodes.*.transport.publish_address");
        URI transport = URI.create("tcp://" + publish.get(0));
        TrustingEverything serverCertificates = new TrustingEverything();
        SSLContext trustingEverything = SSLContext.getInstance("TLS");
        trustingEverything.init(null, new TrustManager[] {serverCertificates}, new SecureRandom());

        assertThatThrownBy(() -> {
            try (SSLSocket socket = (SSLSocket) trustingEverything.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(transport.getHost(), transport.getPort()), 5_000);
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                socket.getInputStream().read();
            }
        }).isInstanceOf(SSLException.class);
        assertThat(serverCertificates.seen).as("the port speaks TLS with the node's certificate")
                .anyMatch(certificate -> certificate.getSubjectX500Principal().getName()
                        .equals("CN=jekafo-local-elasticsearch"));
    }

    @Test
    void credentialsFileIsReadableByItsOwnerOnly() throws Exception {
        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(elasticsearch.nodeDirectories().credentials()))).isEqualTo("rw-------");
    }

    @Test
    void dataFolderIsClosedToOtherUsers() throws Exception {
        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(elasticsearch.nodeDirectories().root()))).isEqualTo("rwx------");
    }

    /** A client that would accept any server: only the server's demand for a client certificate can stop it. */
    private static final class TrustingEverything implements X509TrustManager {

        private final List<X509Certificate> seen = new CopyOnWriteArrayList<>();

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            seen.addAll(List.of(chain));
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
