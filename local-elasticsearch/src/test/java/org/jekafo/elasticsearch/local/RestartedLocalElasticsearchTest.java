package org.jekafo.elasticsearch.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server stopped and started again on the same data folder, as the application is across restarts. */
class RestartedLocalElasticsearchTest {

    @TempDir
    static Path dataDirectory;

    private static LocalElasticsearch.Credentials firstCredentials;
    private static LocalElasticsearch.Credentials secondCredentials;
    private static HttpResponse<String> documentAfterRestart;

    @BeforeAll
    static void writeStopAndRestart() throws Exception {
        try (LocalElasticsearch first = start()) {
            firstCredentials = first.credentials().orElseThrow();
            HttpResponse<String> created = Http.as(firstCredentials).put(first.url() + "/jekafo-restart",
                    "{\"settings\": {\"number_of_shards\": 1, \"number_of_replicas\": 0}}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            HttpResponse<String> put = Http.as(firstCredentials).put(first.url() + "/jekafo-restart/_doc/1?refresh=true",
                    "{\"trade\": \"tisserande\"}");
            assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        }
        try (LocalElasticsearch second = start()) {
            secondCredentials = second.credentials().orElseThrow();
            documentAfterRestart = Http.as(secondCredentials).get(second.url() + "/jekafo-restart/_doc/1");
        }
    }

    private static LocalElasticsearch start() {
        return LocalElasticsearch.builder().dataDirectory(dataDirectory).heap("256m").build().start();
    }

    @Test
    void sameDataFolderKeepsItsCredentials() {
        assertThat(secondCredentials).isEqualTo(firstCredentials);
    }

    @Test
    void restartedServerAnswersWithTheKeptCredentials() {
        assertThat(documentAfterRestart.statusCode()).as(documentAfterRestart.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(documentAfterRestart.body(), "$._source.trade")).isEqualTo("tisserande");
    }
}
