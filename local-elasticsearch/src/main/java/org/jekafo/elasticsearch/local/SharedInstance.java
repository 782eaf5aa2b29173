package org.jekafo.elasticsearch.local;

import java.util.Optional;
import java.util.stream.Stream;

/** Holds the JVM-wide instance behind {@link LocalElasticsearch#shared()}. */
final class SharedInstance {

    static final String URL_PROPERTY = "jekafo.elasticsearch.url";
    static final String URL_VARIABLE = "JEKAFO_ELASTICSEARCH_URL";
    static final String USERNAME_PROPERTY = "jekafo.elasticsearch.username";
    static final String USERNAME_VARIABLE = "JEKAFO_ELASTICSEARCH_USERNAME";
    static final String PASSWORD_PROPERTY = "jekafo.elasticsearch.password";
    static final String PASSWORD_VARIABLE = "JEKAFO_ELASTICSEARCH_PASSWORD";

    private static LocalElasticsearch instance;

    private SharedInstance() {
    }

    /** The shared instance, created on first call; a failed start is retried on the next call. */
    static synchronized LocalElasticsearch get() {
        if (instance == null) {
            instance = externalUrl(System.getProperty(URL_PROPERTY), System.getenv(URL_VARIABLE))
                    .map(SharedInstance::external)
                    .orElseGet(() -> LocalElasticsearch.builder().keptUntilJvmExit().build().start());
        }
        return instance;
    }

    private static LocalElasticsearch external(String url) {
        return LocalElasticsearch.external(url, externalCredentials(
                setting(System.getProperty(USERNAME_PROPERTY), System.getenv(USERNAME_VARIABLE)),
                setting(System.getProperty(PASSWORD_PROPERTY), System.getenv(PASSWORD_VARIABLE))).orElse(null));
    }

    /** The URL of a server to use instead of starting one: the system property first, then the environment. */
    static Optional<String> externalUrl(String property, String environmentVariable) {
        return setting(property, environmentVariable).map(value -> value.strip().replaceAll("/+$", ""));
    }

    /** The credentials of an external server: none unless both user name and password are given. */
    static Optional<LocalElasticsearch.Credentials> externalCredentials(Optional<String> username,
            Optional<String> password) {
        return username.flatMap(user -> password.map(secret -> new LocalElasticsearch.Credentials(user, secret)));
    }

    /** The system property if set, else the environment variable if set. */
    private static Optional<String> setting(String property, String environmentVariable) {
        return Stream.of(property, environmentVariable).filter(value -> value != null && !value.isBlank()).findFirst();
    }
}
