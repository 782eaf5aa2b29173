package org.jekafo.app;

import org.jekafo.app.platform.messaging.SerializedQueries;
import org.jekafo.elasticsearch.local.LocalElasticsearch;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Base of the end-to-end tests: the whole application on a random port, against the one local
 * Elasticsearch of this JVM and a fresh event store (embedded H2 in a temporary folder, or a fresh
 * PostgreSQL database when the {@code postgres} profile is active — see {@link TestDatabase}). Every test
 * class extending this shares one Spring context. Every query crosses the serializers as through Axon Server
 * ({@link SerializedQueries}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"jekafo.projections.check-interval=1s", "jekafo.read-your-writes-timeout=20s",
                "jekafo.import.max-size=2MB", "jekafo.reconciliation.interval=2s",
                "jekafo.consultations.tally-grace=1s", "jekafo.integrity.gap-window=2s"})
@ContextConfiguration(initializers = TestDatabase.class)
@Import(SerializedQueries.class)
@ExtendWith(AxonServerAvailable.class)
public abstract class IntegrationTest {

    /** The port the server answers on. */
    @LocalServerPort
    protected int port;

    private static final Path DATA_DIR = createDataDir();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("jekafo.elasticsearch.url", () -> LocalElasticsearch.shared().url());
        registry.add("jekafo.elasticsearch.username",
                () -> LocalElasticsearch.shared().credentials().map(LocalElasticsearch.Credentials::username).orElse(""));
        registry.add("jekafo.elasticsearch.password",
                () -> LocalElasticsearch.shared().credentials().map(LocalElasticsearch.Credentials::password).orElse(""));
        registry.add("jekafo.data-dir", DATA_DIR::toString);
        if (TestAxonServer.profileActive()) {
            registry.add("axon.axonserver.servers", () -> TestAxonServer.shared().address());
        }
    }

    /** The API as the executive bureau ({@link TestApi#BUREAU}), once every projection has caught up. */
    protected TestApi connect() {
        TestApi api = new TestApi(port, tokens());
        api.awaitProjectionsCaughtUp();
        return api;
    }

    /** Where {@link #connect()}'s tokens come from: {@link TestApi#defaultTokens()}. */
    protected TestApi.Tokens tokens() {
        return TestApi.defaultTokens();
    }

    /** The server's data folder (its signing key is there). */
    protected static Path dataDir() {
        return DATA_DIR;
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("jekafo-it-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
