package org.jekafo.elasticsearch.local;

import java.util.Optional;
import java.util.stream.Stream;

/** Holds the JVM-wide instance behind {@link LocalElasticsearch#shared()}. */
final class SharedInstance {

    static final String URL_PROPERTY = "jekafo.elasticsearch.url";
    static final String URL_VARIABLE = "JEKAFO_ELASTICSEARCH_URL";

    private static LocalElasticsearch instance;

    private SharedInstance() {
    }

    /** The shared instance, created on first call; a failed start is retried on the next call. */
    static synchronized LocalElasticsearch get() {
        if (instance == null) {
            instance = externalUrl(System.getProperty(URL_PROPERTY), System.getenv(URL_VARIABLE))
                    .map(LocalElasticsearch::external)
                    .orElseGet(() -> LocalElasticsearch.builder().keptUntilJvmExit().build().start());
        }
        return instance;
    }

    /** The URL of a server to use instead of starting one: the system property first, then the environment. */
    static Optional<String> externalUrl(String property, String environmentVariable) {
        return Stream.of(property, environmentVariable)
                .filter(value -> value != null && !value.isBlank())
                .map(value -> value.strip().replaceAll("/+$", ""))
                .findFirst();
    }
}
