package org.jekafo.benchmark;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.jekafo.elasticsearch.local.LocalElasticsearch;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** The benchmark's own Elasticsearch client (the official Java client), apart from the application's. */
final class SearchIndex implements AutoCloseable {

    static final Duration POLL = Duration.ofMillis(200);

    private final RestClient restClient;
    private final ElasticsearchClient client;

    SearchIndex(LocalElasticsearch elasticsearch) {
        restClient = RestClient.builder(HttpHost.create(elasticsearch.url()))
                .setDefaultHeaders(elasticsearch.credentials()
                        .map(c -> new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, c.authorization())})
                        .orElseGet(() -> new Header[0]))
                .build();
        client = new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
    }

    ElasticsearchClient client() {
        return client;
    }

    /** The server's version (the integ-test distribution answers no {@code GET /}, hence the cat API). */
    String serverVersion() {
        try {
            Response response = restClient.performRequest(new Request("GET", "/_cat/nodes?h=version"));
            return EntityUtils.toString(response.getEntity()).trim();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Refreshes {@code index} (an index or an alias) and counts its documents: what a search sees now. */
    long searchableCount(String index) throws IOException {
        client.indices().refresh(r -> r.index(index));
        return client.count(c -> c.index(index)).count();
    }

    /**
     * Refreshes and counts every {@link #POLL} until {@code index} holds at least {@code expected} documents;
     * returns {@link System#nanoTime()} of the count that reached it.
     */
    long awaitSearchable(String index, long expected, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long count = searchableCount(index);
            long now = System.nanoTime();
            if (count >= expected) {
                return now;
            }
            if (now > deadline) {
                throw new IllegalStateException(index + " holds " + count + " searchable documents after " + timeout
                        + ", expected " + expected);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The size on disk of the index behind {@code index} (an index or an alias), primaries and replicas. */
    long storeBytes(String index) throws IOException {
        return client.indices().stats(s -> s.index(index)).all().total().store().sizeInBytes();
    }

    /** Deletes every index matching {@code pattern}, by name (Elasticsearch refuses wildcard deletions). */
    void deleteIndices(String pattern) throws IOException {
        List<String> names = List.copyOf(client.indices().get(g -> g.index(pattern)).result().keySet());
        if (!names.isEmpty()) {
            client.indices().delete(d -> d.index(names));
        }
    }

    @Override
    public void close() throws IOException {
        restClient.close();
    }
}
