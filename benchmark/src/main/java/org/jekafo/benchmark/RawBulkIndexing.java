package org.jekafo.benchmark;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Raw limit 2: the census rows as JSON documents (the 12 columns), bulk-indexed 1,000 per request with the
 * official Java client into a fresh index {@code jekafo-benchmark-raw-members} (1 shard, 0 replicas, default 1 s refresh
 * interval as the projection's index), timed until a refresh + count sees them all.
 */
final class RawBulkIndexing {

    static final String INDEX = "jekafo-benchmark-raw-members"; // within the local user's jekafo-* indices
    static final int BULK_SIZE = 1000;
    private static final String SETTINGS_AND_MAPPINGS = """
            {
              "settings": {"number_of_shards": 1, "number_of_replicas": 0},
              "mappings": {
                "dynamic": "strict",
                "properties": {
                  "card_number": {"type": "keyword"},
                  "last_name": {"type": "keyword"},
                  "first_name": {"type": "keyword"},
                  "gender": {"type": "keyword"},
                  "birth_year": {"type": "integer"},
                  "phone": {"type": "keyword"},
                  "region": {"type": "keyword"},
                  "chapter": {"type": "keyword"},
                  "trade": {"type": "keyword"},
                  "enrolled_on": {"type": "date", "format": "strict_date"},
                  "disability": {"type": "boolean"},
                  "national_id": {"type": "keyword"}
                }
              }
            }
            """;

    private RawBulkIndexing() {
    }

    static Measurement run(SearchIndex search, CensusRows census) throws IOException, InterruptedException {
        return run(search, census, 1);
    }

    /**
     * The census's rows {@code passes} times over (each pass under its own ids): a burst of 22,000 documents lasts a
     * couple of seconds, in which the wait for the last refresh and a cold start weigh as much as the indexing (the
     * same machine gave 4,677 and 14,625 documents/s in two runs); a longer run compares with a rebuild of minutes.
     */
    static Measurement run(SearchIndex search, CensusRows census, int passes) throws IOException, InterruptedException {
        ElasticsearchClient client = search.client();
        if (client.indices().exists(e -> e.index(INDEX)).value()) {
            client.indices().delete(d -> d.index(INDEX));
        }
        client.indices().create(c -> c.index(INDEX).withJson(
                new ByteArrayInputStream(SETTINGS_AND_MAPPINGS.getBytes(StandardCharsets.UTF_8))));
        List<List<String>> rows = census.rows();
        String load = Machine.loadAverage1();
        long start = System.nanoTime();
        for (int pass = 0; pass < passes; pass++) {
            bulk(client, rows, pass == 0 ? "" : "#" + pass);
        }
        int documents = rows.size() * passes;
        long searchable = search.awaitSearchable(INDEX, documents, Duration.ofMinutes(10));
        Measurement measurement = new Measurement("Raw Elasticsearch: bulk of " + BULK_SIZE + " into " + INDEX
                + " until searchable", documents, "docs", Duration.ofNanos(searchable - start), load);
        client.indices().delete(d -> d.index(INDEX));
        return measurement;
    }

    /** Every row, {@value #BULK_SIZE} to a request, each under its card number followed by {@code suffix}. */
    private static void bulk(ElasticsearchClient client, List<List<String>> rows, String suffix) throws IOException {
        for (int from = 0; from < rows.size(); from += BULK_SIZE) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (List<String> row : rows.subList(from, Math.min(from + BULK_SIZE, rows.size()))) {
                Map<String, Object> document = CensusRows.document(row);
                bulk.operations(op -> op.index(i -> i.index(INDEX).id(row.get(0) + suffix).document(document)));
            }
            BulkResponse response = client.bulk(bulk.build());
            if (response.errors()) {
                var firstError = response.items().stream().filter(item -> item.error() != null).findFirst();
                throw new IllegalStateException("bulk request failed: " + firstError.map(i -> i.error().reason()).orElse("?"));
            }
        }
    }
}
