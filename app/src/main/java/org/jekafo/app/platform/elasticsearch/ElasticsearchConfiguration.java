package org.jekafo.app.platform.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.jekafo.elasticsearch.local.LocalElasticsearch;
import org.jekafo.elasticsearch.local.LocalElasticsearch.Credentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The Elasticsearch client of the projections. With {@code jekafo.elasticsearch.url} set it talks to that
 * cluster, as {@code jekafo.elasticsearch.username} with {@code jekafo.elasticsearch.password} when both are
 * set; without it, the zero-setup default, it obtains Elasticsearch from Maven Central and runs it as a
 * local process whose data lives under {@code jekafo.data-dir}, stopped with the application, secured with
 * the user generated for that data folder.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchConfiguration.class);
    /** Per node: a request thread, each processor and the maintenance tasks each hold one while they wait. */
    private static final int MAX_CONNECTIONS = 50;

    @Bean(destroyMethod = "close")
    ElasticsearchEndpoint elasticsearchEndpoint(@Value("${jekafo.elasticsearch.url:}") String url,
                                                @Value("${jekafo.elasticsearch.username:}") String username,
                                                @Value("${jekafo.elasticsearch.password:}") String password,
                                                @Value("${jekafo.data-dir}") String dataDir) {
        if (!url.isBlank()) {
            Optional<Credentials> credentials = username.isBlank() || password.isBlank()
                    ? Optional.empty() : Optional.of(new Credentials(username, password));
            return new ElasticsearchEndpoint(url, credentials, null);
        }
        LocalElasticsearch local = LocalElasticsearch.builder()
                .dataDirectory(Path.of(dataDir).toAbsolutePath().resolve("elasticsearch"))
                .build()
                .start();
        LOG.info("No jekafo.elasticsearch.url configured: started a local Elasticsearch at {}", local.url());
        return new ElasticsearchEndpoint(local.url(), local.credentials(), local);
    }

    /**
     * The client's timeouts: {@code connect-timeout} to open a connection, {@code socket-timeout} of silence on
     * a connection before a call fails (background work: projections, rebuilds), {@code lease-timeout} to obtain
     * a pooled connection when every one is busy (a paused Elasticsearch holds them all). Calls made while
     * answering a request are bounded tighter ({@link ElasticsearchCallLimits}).
     */
    @Bean
    RequestConfig elasticsearchRequestConfig(@Value("${jekafo.elasticsearch.connect-timeout:1s}") Duration connect,
                                             @Value("${jekafo.elasticsearch.socket-timeout:30s}") Duration socket,
                                             @Value("${jekafo.elasticsearch.lease-timeout:5s}") Duration lease) {
        return RequestConfig.custom().setConnectTimeout(millis(connect)).setSocketTimeout(millis(socket))
                .setConnectionRequestTimeout(millis(lease)).build();
    }

    private static int millis(Duration duration) {
        return (int) Math.min(duration.toMillis(), Integer.MAX_VALUE);
    }

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(ElasticsearchEndpoint endpoint, RequestConfig elasticsearchRequestConfig) {
        Header[] authentication = endpoint.credentials()
                .map(credentials -> new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, credentials.authorization())})
                .orElseGet(() -> new Header[0]);
        return RestClient.builder(HttpHost.create(endpoint.url()))
                .setDefaultHeaders(authentication)
                .setRequestConfigCallback(config -> RequestConfig.copy(elasticsearchRequestConfig))
                // the credentials travel in a default header: the client's authentication cache, which deserialises
                // an authentication scheme for every request, has nothing to do (3 % of a read's CPU, JFR)
                .setHttpClientConfigCallback(client -> client.setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setMaxConnTotal(MAX_CONNECTIONS).disableAuthCaching())
                .build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient, RequestConfig elasticsearchRequestConfig) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        return new ElasticsearchClient(new BoundedTransport(
                new RestClientTransport(restClient, new JacksonJsonpMapper(mapper)), elasticsearchRequestConfig));
    }

    /** Where Elasticsearch answers, as whom, and the local process when this application started it. */
    record ElasticsearchEndpoint(String url, Optional<Credentials> credentials, LocalElasticsearch local)
            implements AutoCloseable {
        @Override
        public void close() {
            if (local != null) {
                local.close();
            }
        }
    }
}
