package org.jekafo.elasticsearch.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jekafo.process.local.WatchedProcess;

/**
 * Waits until a starting server reports a usable cluster on {@code GET /_cluster/health}
 * (the integ-test distribution answers {@code GET /} with 405, so that cannot serve).
 */
final class Readiness {

    static final Duration TIMEOUT = Duration.ofSeconds(300);

    private static final Pattern USABLE_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(green|yellow)\"");

    private Readiness() {
    }

    /**
     * Returns once the cluster is yellow or green.
     *
     * @throws IllegalStateException when the process ends first or {@link #TIMEOUT} passes; the
     *                               message ends with the server's last output lines
     */
    static void await(WatchedProcess server, String url, LocalElasticsearch.Credentials credentials)
            throws InterruptedException {
        await(server, url, credentials, TIMEOUT);
    }

    /** As {@link #await(WatchedProcess, String, LocalElasticsearch.Credentials)}, with another time limit. */
    static void await(WatchedProcess server, String url, LocalElasticsearch.Credentials credentials, Duration timeout)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url + "/_cluster/health"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", credentials.authorization())
                .GET()
                .build();
        server.awaitReady("a yellow or green cluster at " + url, timeout, () -> isUsable(client, health));
    }

    private static boolean isUsable(HttpClient client, HttpRequest health) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && USABLE_STATUS.matcher(response.body()).find();
        } catch (IOException notListeningYet) {
            return false;
        }
    }
}
