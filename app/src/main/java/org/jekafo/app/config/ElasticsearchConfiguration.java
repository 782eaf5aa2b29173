package org.jekafo.app.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.jekafo.elasticsearch.local.LocalElasticsearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * The Elasticsearch client of the projections. With {@code jekafo.elasticsearch.url} set it talks to that
 * cluster; without it, the zero-setup default, it obtains Elasticsearch from Maven Central and runs it as a
 * local process whose data lives under {@code jekafo.data-dir}, stopped with the application.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchConfiguration.class);

    @Bean(destroyMethod = "close")
    ElasticsearchEndpoint elasticsearchEndpoint(@Value("${jekafo.elasticsearch.url:}") String url,
                                                @Value("${jekafo.data-dir}") String dataDir) {
        if (!url.isBlank()) {
            return new ElasticsearchEndpoint(url, null);
        }
        LocalElasticsearch local = LocalElasticsearch.builder()
                .dataDirectory(Path.of(dataDir).toAbsolutePath().resolve("elasticsearch"))
                .build()
                .start();
        LOG.info("No jekafo.elasticsearch.url configured: started a local Elasticsearch at {}", local.url());
        return new ElasticsearchEndpoint(local.url(), local);
    }

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(ElasticsearchEndpoint endpoint) {
        return RestClient.builder(HttpHost.create(endpoint.url())).build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper(mapper)));
    }

    /** Where Elasticsearch answers, and the local process when this application started it. */
    record ElasticsearchEndpoint(String url, LocalElasticsearch local) implements AutoCloseable {
        @Override
        public void close() {
            if (local != null) {
                local.close();
            }
        }
    }
}
