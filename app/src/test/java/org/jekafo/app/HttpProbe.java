package org.jekafo.app;

import org.jekafo.process.local.WatchedProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A readiness probe of a local server: an HTTP GET whose answer satisfies a condition; unreachable means not yet. */
final class HttpProbe {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpProbe() {
    }

    static WatchedProcess.Probe answers(String url, Predicate<HttpResponse<String>> ready) {
        URI uri = URI.create(url);
        return () -> {
            try {
                return ready.test(CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                return false;
            }
        };
    }
}
