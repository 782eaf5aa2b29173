package org.jekafo.elasticsearch.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SharedLocalElasticsearchTest {

    private static String url;
    private static Http http;

    @BeforeAll
    static void startSharedServer() {
        url = LocalElasticsearch.shared().url();
        http = Http.as(LocalElasticsearch.shared().credentials().orElseThrow());
    }

    @Test
    void sharedServerIsOneInstancePerJvm() {
        assertThat(LocalElasticsearch.shared()).isSameAs(LocalElasticsearch.shared());
    }

    @Test
    void clusterHealthIsYellowOrGreen() throws Exception {
        HttpResponse<String> health = http.get(url + "/_cluster/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(health.body(), "$.status")).isIn("yellow", "green");
    }

    @Test
    void indexedDocumentCanBeReadBack() throws Exception {
        String index = url + "/jekafo-artisans-" + UUID.randomUUID();
        HttpResponse<String> created = http.put(index,
                "{\"settings\": {\"number_of_shards\": 1, \"number_of_replicas\": 0}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

        HttpResponse<String> put = http.put(index + "/_doc/bamako-1", "{\"name\": \"Awa Traoré\", \"trade\": \"forgeronne\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);

        HttpResponse<String> get = http.get(index + "/_doc/bamako-1");
        assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(get.body(), "$._source.name")).isEqualTo("Awa Traoré");
        assertThat(JsonPath.<String>read(get.body(), "$._source.trade")).isEqualTo("forgeronne");
    }
}
