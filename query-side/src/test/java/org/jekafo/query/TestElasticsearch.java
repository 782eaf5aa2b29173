package org.jekafo.query;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
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
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.jekafo.elasticsearch.local.LocalElasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one Elasticsearch of this JVM ({@link LocalElasticsearch#shared()}) and a client built like the
 * application's (see the app's {@code ElasticsearchConfiguration}).
 */
public final class TestElasticsearch {

    private static ElasticsearchClient client;

    private TestElasticsearch() {
    }

    public static synchronized ElasticsearchClient client() {
        if (client == null) {
            LocalElasticsearch elasticsearch = LocalElasticsearch.shared();
            RestClient rest = RestClient.builder(HttpHost.create(elasticsearch.url()))
                    .setDefaultHeaders(elasticsearch.credentials()
                            .map(c -> new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, c.authorization())})
                            .orElseGet(() -> new Header[0]))
                    .build();
            ObjectMapper mapper = new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .setSerializationInclusion(JsonInclude.Include.NON_NULL);
            client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(mapper)));
        }
        return client;
    }

    /** Concrete indices matching a wildcard expression such as {@code jekafo-members*}. */
    public static Set<String> indicesMatching(String pattern) {
        try {
            return client().indices().get(g -> g.index(pattern).allowNoIndices(true).ignoreUnavailable(true))
                    .result().keySet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the indices matching a pattern, by name (Elasticsearch 8 refuses wildcard deletes). */
    public static void deleteIndices(String pattern) {
        for (String index : indicesMatching(pattern)) {
            try {
                client().indices().delete(d -> d.index(index).ignoreUnavailable(true));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static boolean indexExists(String index) {
        try {
            return client().indices().exists(e -> e.index(index)).value();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The concrete indices an alias points to (none when the alias does not exist). */
    public static Set<String> indicesOfAlias(String alias) {
        try {
            if (!client().indices().existsAlias(a -> a.name(alias)).value()) {
                return Set.of();
            }
            return client().indices().getAlias(a -> a.name(alias)).result().keySet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code _source} of every document of an index or alias, by id, in id order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Map<String, Map<String, Object>> sources(String indexOrAlias) {
        try {
            client().indices().refresh(r -> r.index(indexOrAlias));
            var response = client().search(s -> s.index(indexOrAlias).size(10_000), Map.class);
            Map<String, Map<String, Object>> sources = new TreeMap<>();
            for (Hit<Map> hit : response.hits().hits()) {
                sources.put(hit.id(), hit.source());
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many documents a search through an index or alias sees now. */
    public static long count(String indexOrAlias) {
        try {
            return client().count(c -> c.index(indexOrAlias)).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
