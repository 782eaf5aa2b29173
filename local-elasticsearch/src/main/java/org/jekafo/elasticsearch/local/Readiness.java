package org.jekafo.elasticsearch.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Waits until a starting server reports a usable cluster on {@code GET /_cluster/health}
 * (the integ-test distribution answers {@code GET /} with 405, so that cannot serve).
 */
final class Readiness {

    static final Duration TIMEOUT = Duration.ofSeconds(300);
    static final int LOG_LINES_ON_FAILURE = 40;

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Pattern USABLE_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(green|yellow)\"");

    private Readiness() {
    }

    /**
     * Returns once the cluster is yellow or green.
     *
     * @throws IllegalStateException when the process ends first or {@link #TIMEOUT} passes; the
     *                               message ends with the server's last output lines
     */
    static void await(ServerProcess server, String url, LocalElasticsearch.Credentials credentials)
            throws InterruptedException {
        await(server, url, credentials, TIMEOUT);
    }

    /** As {@link #await(ServerProcess, String, LocalElasticsearch.Credentials)}, with another time limit. */
    static void await(ServerProcess server, String url, LocalElasticsearch.Credentials credentials, Duration timeout)
            throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url + "/_cluster/health"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", credentials.authorization())
                .GET()
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!server.isAlive()) {
                throw failure(server, "Elasticsearch exited with code " + server.exitCode() + " during start-up");
            }
            if (isUsable(client, health)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw failure(server, "Elasticsearch did not report a yellow or green cluster at " + url
                        + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private static boolean isUsable(HttpClient client, HttpRequest health) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && USABLE_STATUS.matcher(response.body()).find();
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private static IllegalStateException failure(ServerProcess server, String reason) {
        return new IllegalStateException(reason + "; last " + LOG_LINES_ON_FAILURE + " lines of its output:"
                + System.lineSeparator() + server.lastOutputLines(LOG_LINES_ON_FAILURE));
    }
}
