package org.jekafo.app.security;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.LiveConnection;
import org.jekafo.app.LiveConnection.Received;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestAxonServer;
import org.jekafo.app.platform.identity.SigningKey;
import org.jekafo.app.platform.identity.TokenMinter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Who may open a GraphQL WebSocket connection, for how long, and for how many subscriptions: a real WebSocket to the
 * running server, with tokens in {@code connection_init} or in the upgrade request's header.
 */
class WebSocketAuthenticationTest extends IntegrationTest {

    private static final String STATUS = "subscription { projectionStatus { name } }";

    TestApi bureau;

    @BeforeEach
    void setUp() {
        bureau = connect();
    }

    @Test
    void aConnectionWithoutATokenIsClosedBeforeAnyRequest() {
        assertThat(LiveConnection.refusal(() -> bureau.anonymous().live())).hasMessageContaining("4401");
    }

    @Test
    void aConnectionWithAnInvalidTokenIsClosedBeforeAnyRequest() {
        assertThat(LiveConnection.refusal(() -> bureau.bearer("pas-un-jeton").live())).hasMessageContaining("4401");
    }

    @Test
    void anUpgradeRequestWithAnInvalidTokenIsRefused() {
        try (LiveConnection forged = bureau.bearer("pas-un-jeton").liveWithUpgradeHeader()) {
            assertThatThrownBy(forged::start).hasMessageContaining("401");
        }
    }

    @Test
    void theUpgradeRequestsTokenAuthenticatesTheConnection() {
        try (LiveConnection connection = bureau.as(TestApi.AUDITOR).liveWithUpgradeHeader()) {
            List<Map<String, Object>> statuses = connection.subscribe(STATUS, Map.of()).nextList("projectionStatus");

            assertThat(statuses).extracting(status -> status.get("name"))
                    .contains("member-projection", "org-unit-projection");
        }
    }

    @Test
    void aTokenThatExpiresEndsItsSubscriptionsAndRefusesTheConnectionsLaterRequests() {
        assumeFalse(TestAxonServer.profileActive(), "the axonserver profile trusts only Keycloak's tokens");
        String shortLived = new TokenMinter(SigningKey.of(dataDir())).mint(TestApi.BUREAU, Duration.ofSeconds(4));

        try (LiveConnection connection = bureau.bearer(shortLived).live()) {
            Received statuses = connection.subscribe(STATUS, Map.of());
            statuses.nextList("projectionStatus");

            assertThat(statuses.errorsAfterResults()).singleElement().satisfies(error -> {
                assertThat(error.getExtensions()).containsEntry("code", "UNAUTHENTICATED");
                assertThat(error.getMessage()).contains("expiré");
            });
            assertThat(connection.subscribe(STATUS, Map.of()).errors()).singleElement()
                    .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "UNAUTHENTICATED"));
        }
    }

    @Test
    void aConnectionRunsAtMostTwentySubscriptionsAtOnce() {
        try (LiveConnection connection = bureau.live()) {
            List<Received> open = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Received statuses = connection.subscribe(STATUS, Map.of());
                statuses.nextList("projectionStatus");
                open.add(statuses);
            }

            assertThat(connection.subscribe(STATUS, Map.of()).errors()).singleElement()
                    .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "TOO_MANY_SUBSCRIPTIONS"));
            open.get(0).cancel();
            await().atMost(Duration.ofSeconds(30)).until(() -> connection.subscribe(STATUS, Map.of()).answers());
        }
    }
}
