package org.jekafo.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jekafo.api.common.TextFolding;
import org.jekafo.app.census.CensusImport;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.jekafo.app.platform.identity.SigningKey;
import org.jekafo.app.platform.identity.TokenMinter;
import org.jekafo.elasticsearch.local.LocalElasticsearch;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * Reads over HTTP, as a client of the running server sees them, against Elasticsearch's own answer to the same
 * question on the same index, same machine, same number of clients ({@code --scenario=reads}):
 * <ol>
 *     <li>the server as {@code ./jekafo server} runs it on embedded defaults (H2 file store, local Elasticsearch,
 *     its web server), with {@code --members} members (110,000 by default: the census file itself, then lines
 *     generated with its distributions, see {@link CensusGenerator#writeBeside}), imported once into
 *     {@code --data=DIR} when given and reused by later runs;</li>
 *     <li>GraphQL over HTTP with a real token (the executive bureau's, national; an auditor's for the reads that are
 *     masked and journaled): a member by id, a name search (first page of 10), the counts, a member's history;</li>
 *     <li>raw Elasticsearch over HTTP: the get and the search the server itself sends for a member and a name
 *     search, and the counts' aggregation;</li>
 * </ol>
 * each with 1, 8 and 20 clients ({@code --clients}) for {@code --seconds} each, after a warm-up repeated until the JIT
 * compiler is nearly idle: p50, p99, requests per second, and this JVM's CPU per request (the server and the load
 * generator; Elasticsearch runs apart).
 */
final class ReadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEMBERS = "jekafo-members";
    private static final int SAMPLES = 2_000;

    private static final String MEMBER = """
            query member($id: ID) { member(id: $id) { id cardNumber lastName firstName gender birthYear phone \
            nationalId trades { code branch label } localUnit { id code name } region { id code name } disability \
            enrolledOn status statusReason dues { year amountFcfa receiptNumber paidOn } version registeredAt \
            updatedAt personalDataErased } }""";
    private static final String SEARCH = """
            query membersByName($name: String!) { members(filter: {name: $name}, first: 10) { totalCount \
            edges { cursor node { id cardNumber lastName firstName } } pageInfo { hasNextPage endCursor } } }""";
    private static final String COUNTS = """
            query memberCounts { memberCounts { total byGender { key label count } byRegion { key label count } \
            byLocalUnit { key label count } byTrade { key label count } byStatus { key label count } } }""";
    private static final String HISTORY = """
            query memberHistory($id: ID!) { memberHistory(id: $id) { sequence type principal role channel \
            correlationId causationId occurredAt changes { field value } } }""";

    private final Options options;
    private final List<String> report = new ArrayList<>();
    private String warmUp = "no warm-up";

    private ReadBenchmark(Options options) {
        this.options = options;
    }

    static List<String> run(Options options) throws Exception {
        System.setProperty("http.maxConnections", "64"); // before the JDK's HTTP client reads it
        ReadBenchmark benchmark = new ReadBenchmark(options);
        benchmark.measure();
        return benchmark.report;
    }

    /** A member to read and a name to search, as the index holds them. */
    private record Sample(String memberId, String lastName, String firstName) {
    }

    private void measure() throws Exception {
        String startedAt = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        Path dataDir = options.data() != null ? options.data() : Files.createTempDirectory("jekafo-benchmark-reads-");
        Files.createDirectories(dataDir);
        try (LocalElasticsearch elasticsearch = LocalElasticsearch.builder()
                .dataDirectory(dataDir.resolve("elasticsearch")).build().start();
             SearchIndex search = new SearchIndex(elasticsearch);
             EventStoreDatabase database = new EventStoreDatabase.H2File(dataDir)) {
            Console.say("starting the server on " + database.describe() + " and Elasticsearch at " + elasticsearch.url());
            try (RunningApplication server = RunningApplication.startServer(options, elasticsearch, dataDir, database)) {
                server.awaitProjectionsIdle(Duration.ofMinutes(5));
                int members = load(options, server, search, dataDir);
                List<Sample> samples = samples(search);
                String bureau = "Bearer " + new TokenMinter(SigningKey.of(dataDir)).mint(
                        new ActingPrincipal("benchmark", Role.EXECUTIVE_BUREAU, null, null), Duration.ofHours(4));
                String auditor = "Bearer " + new TokenMinter(SigningKey.of(dataDir)).mint(
                        new ActingPrincipal("benchmark-audit", Role.AUDITOR, null, null), Duration.ofHours(4));
                URL graphql = new URL("http://127.0.0.1:" + server.port() + "/graphql");
                String authorization = elasticsearch.credentials().map(LocalElasticsearch.Credentials::authorization)
                        .orElse(null);

                Map<String, Operation> operations = new LinkedHashMap<>();
                operations.put("member by id (GraphQL)", graphQl(graphql, bureau, MEMBER,
                        i -> Map.of("id", sample(samples, i).memberId()), "\"cardNumber\""));
                operations.put("member by id (raw ES get)", new Operation(
                        i -> elasticsearchGet(elasticsearch, authorization, sample(samples, i).memberId()),
                        body -> body.contains("\"found\":true")));
                operations.put("name search (GraphQL)", graphQl(graphql, bureau, SEARCH,
                        i -> Map.of("name", name(sample(samples, i), i)), "\"totalCount\""));
                operations.put("name search (raw ES search)", new Operation(
                        i -> elasticsearchSearch(elasticsearch, authorization, nameSearch(name(sample(samples, i), i))),
                        body -> body.contains("\"hits\"")));
                operations.put("counts (GraphQL)", graphQl(graphql, bureau, COUNTS, i -> Map.of(), "\"byGender\""));
                operations.put("counts (raw ES aggregations)", new Operation(
                        i -> elasticsearchSearch(elasticsearch, authorization, countsAggregation()),
                        body -> body.contains("\"aggregations\"")));
                operations.put("history (GraphQL)", graphQl(graphql, bureau, HISTORY,
                        i -> Map.of("id", sample(samples, i).memberId()), "\"sequence\""));
                operations.put("member by id, auditor (GraphQL, journaled)", graphQl(graphql, auditor, MEMBER,
                        i -> Map.of("id", sample(samples, i).memberId()), "\"cardNumber\""));
                operations.put("history, auditor (GraphQL, journaled)", graphQl(graphql, auditor, HISTORY,
                        i -> Map.of("id", sample(samples, i).memberId()), "\"sequence\""));

                if (!options.only().isEmpty()) {
                    operations.keySet().removeIf(name -> options.only().stream().noneMatch(name::contains));
                }
                Duration warmUp = Duration.ofSeconds(Math.max(3, options.seconds() / 2));
                warmUp(operations, warmUp);
                String loadAtStart = Machine.loadAverage();
                List<HttpLoad.Result> results = new ArrayList<>();
                for (Map.Entry<String, Operation> operation : operations.entrySet()) {
                    for (int clients : options.clients()) {
                        HttpLoad.Result result = HttpLoad.measure(operation.getKey(), clients,
                                Duration.ofSeconds(options.seconds()), operation.getValue().calls(),
                                operation.getValue().ok());
                        Console.say(String.format(Locale.ROOT, "%s, %d clients: p50 %.1f ms, p99 %.1f ms, %.0f/s%s",
                                result.name(), clients, result.p50(), result.p99(), result.perSecond(),
                                result.failures() == 0 ? "" : ", " + result.failures() + " failed: " + result.firstFailure()));
                        results.add(result);
                    }
                }
                write(startedAt, members, loadAtStart, results);
            }
        } finally {
            if (options.data() == null) {
                ImportBenchmark.deleteRecursively(dataDir);
            }
        }
    }

    /** Every operation with 8 clients for {@code each}, in rounds, until the JIT compiler is nearly idle ({@link JitWarmUp}). */
    private void warmUp(Map<String, Operation> operations, Duration each) throws Exception {
        warmUp = JitWarmUp.untilCompilerIdle(() -> {
            for (Map.Entry<String, Operation> operation : operations.entrySet()) {
                HttpLoad.Result result = HttpLoad.measure(operation.getKey(), 8, each, operation.getValue().calls(),
                        operation.getValue().ok());
                if (result.failures() > 0) {
                    throw new IllegalStateException(operation.getKey() + ": " + result.failures() + " of "
                            + (result.requests() + result.failures()) + " failed, first: " + result.firstFailure());
                }
            }
        }) + String.format(Locale.ROOT, ", each operation %d s with 8 clients per round", each.toSeconds());
    }

    /** What one operation sends for its n-th request, and what a good answer holds. */
    private record Operation(LongFunction<HttpLoad.Call> calls, Predicate<String> ok) {
    }

    private static Operation graphQl(URL url, String token, String document,
                                     LongFunction<Map<String, Object>> variables, String expected) {
        Map<String, String> headers = Map.of("Content-Type", "application/json", "Authorization", token);
        return new Operation(i -> new HttpLoad.Call("POST", url, headers, json(Map.of("query", document,
                "variables", variables.apply(i)))),
                body -> body.contains(expected) && !body.contains("\"errors\""));
    }

    private static HttpLoad.Call elasticsearchGet(LocalElasticsearch elasticsearch, String authorization, String id) {
        return new HttpLoad.Call("GET", url(elasticsearch, "/" + MEMBERS + "/_doc/" + id), headers(authorization), null);
    }

    private static HttpLoad.Call elasticsearchSearch(LocalElasticsearch elasticsearch, String authorization,
                                                     byte[] body) {
        return new HttpLoad.Call("POST", url(elasticsearch, "/" + MEMBERS + "/_search"), headers(authorization), body);
    }

    private static Map<String, String> headers(String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return headers;
    }

    /** The search the server sends for {@code members(filter: {name}, first: 10)} (MemberSearchQuery). */
    private static byte[] nameSearch(String name) {
        ObjectNode body = JSON.createObjectNode();
        body.put("size", 11).put("track_total_hits", true);
        body.putObject("query").putObject("bool").putArray("must").addObject().putObject("match_bool_prefix")
                .putObject("nameFolded").put("query", TextFolding.fold(name)).put("operator", "and");
        body.putArray("sort").add(JSON.createObjectNode().put("sortName", "asc"))
                .add(JSON.createObjectNode().put("memberId", "asc"));
        return json(body);
    }

    /** The aggregations the server asks for {@code memberCounts} without a filter. */
    private static byte[] countsAggregation() {
        ObjectNode body = JSON.createObjectNode();
        body.put("size", 0).put("track_total_hits", true);
        body.putObject("query").putObject("match_all");
        ObjectNode aggregations = body.putObject("aggregations");
        aggregations.putObject("gender").putObject("terms").put("field", "gender").put("size", 10);
        aggregations.putObject("localUnit").putObject("terms").put("field", "localUnitId").put("size", 10_000);
        aggregations.putObject("trade").putObject("terms").put("field", "trades").put("size", 1_000);
        aggregations.putObject("status").putObject("terms").put("field", "status").put("size", 10);
        return json(body);
    }

    private static URL url(LocalElasticsearch elasticsearch, String path) {
        try {
            return new URL(elasticsearch.url() + path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Sample sample(List<Sample> samples, long i) {
        return samples.get((int) (i % samples.size()));
    }

    /** Every other search a full name ("Traoré Aminata": a few members), the others a last name alone (thousands). */
    private static String name(Sample sample, long i) {
        return i % 2 == 0 ? sample.lastName() + " " + sample.firstName() : sample.lastName();
    }

    /**
     * Loads the members unless the data folder already holds them: the census file, then generated lines up to
     * {@code --members}; returns how many members the index holds.
     */
    static int load(Options options, RunningApplication server, SearchIndex search, Path dataDir) throws Exception {
        long present = search.searchableCount(MEMBERS);
        if (present >= options.members()) {
            Console.say(String.format(Locale.ROOT, "%,d members already in %s: reused", present, dataDir));
            return (int) present;
        }
        if (present > 0) {
            throw new IllegalStateException(dataDir + " holds " + present + " members, fewer than --members="
                    + options.members() + ": give another --data folder");
        }
        CensusRows census = CensusRows.read(options.file());
        List<Path> files = new ArrayList<>();
        files.add(options.file());
        int generated = options.members() - census.size();
        if (generated > 0) {
            Console.say(String.format(Locale.ROOT, "generating %,d lines with the distributions of %s", generated,
                    options.file().getFileName()));
            files.add(CensusGenerator.from(census).writeBeside(census, dataDir.resolve("census"), "census-generated",
                    generated, 5).census());
        }
        CensusImport censusImport = server.censusImport();
        int registered = 0;
        long start = System.nanoTime();
        for (Path file : files) {
            Console.say("importing " + file);
            CensusImport.Result result = censusImport.importFile(file, dataDir.resolve("rejets.csv"),
                    options.parallelism(), progress -> {
                        if (progress.done() % 10_000 == 0) {
                            Console.say(String.format(Locale.ROOT, "%,d/%,d lines, %.0f lines/s", progress.done(),
                                    progress.total(), progress.done() * 1000.0 / Math.max(1, progress.elapsed().toMillis())));
                        }
                    });
            if (!result.rejections().isEmpty()) {
                throw new IllegalStateException(file + ": " + result.rejections().size() + " lines rejected, first "
                        + result.rejections().get(0));
            }
            registered += result.registered();
        }
        search.awaitSearchable(MEMBERS, registered, Duration.ofMinutes(30));
        Console.say(String.format(Locale.ROOT, "%,d members registered and searchable in %.0f s", registered,
                (System.nanoTime() - start) / 1e9));
        return registered;
    }

    /** Members spread over the index (Elasticsearch's random score), their ids and names. */
    private List<Sample> samples(SearchIndex search) throws IOException {
        var response = search.client().search(s -> s.index(MEMBERS).size(SAMPLES)
                .query(q -> q.functionScore(f -> f.functions(fn -> fn.randomScore(r -> r.seed("7").field("_seq_no"))))),
                JsonNode.class);
        List<Sample> samples = new ArrayList<>();
        response.hits().hits().forEach(hit -> samples.add(new Sample(hit.id(), hit.source().get("lastName").asText(),
                hit.source().get("firstName").asText())));
        if (samples.isEmpty()) {
            throw new IllegalStateException("no member in " + MEMBERS);
        }
        return samples;
    }

    private void write(String startedAt, int members, String loadAtStart, List<HttpLoad.Result> results) {
        report.add("# Jɛkafo read benchmark — GraphQL over HTTP against raw Elasticsearch");
        report.add("");
        report.add(String.format(Locale.ROOT, "%s on %s: %d processors, load average %s at start, %s at end; %,d "
                        + "members; %d s per measurement after %s; %s; -Xmx %.0f MB.", startedAt,
                Machine.host(), Machine.processors(), loadAtStart, Machine.loadAverage(), members, options.seconds(),
                warmUp, Machine.java(), HeapSampler.maxHeapMb()));
        report.add("");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"Operation", "Clients", "Requests", "Failed", "p50 (ms)", "p99 (ms)", "Requests/s",
                "JVM CPU per request (ms)"});
        for (HttpLoad.Result r : results) {
            rows.add(new String[]{r.name(), String.valueOf(r.clients()), String.format(Locale.ROOT, "%,d", r.requests()),
                    String.valueOf(r.failures()), String.format(Locale.ROOT, "%.1f", r.p50()),
                    String.format(Locale.ROOT, "%.1f", r.p99()), String.format(Locale.ROOT, "%.0f", r.perSecond()),
                    String.format(Locale.ROOT, "%.2f", r.cpuMillisPerRequest())});
        }
        Report.table(report, rows);
        report.add("");
        report.add("JVM CPU: the server's and the load generator's (one JVM); Elasticsearch's process is not counted.");
        List<String[]> ratios = new ArrayList<>();
        ratios.add(new String[]{"GraphQL / raw Elasticsearch", "Clients", "p50 ratio", "p99 ratio"});
        for (String[] pair : List.of(new String[]{"member by id (GraphQL)", "member by id (raw ES get)"},
                new String[]{"name search (GraphQL)", "name search (raw ES search)"},
                new String[]{"counts (GraphQL)", "counts (raw ES aggregations)"})) {
            for (int clients : options.clients()) {
                HttpLoad.Result graphQl = find(results, pair[0], clients);
                HttpLoad.Result raw = find(results, pair[1], clients);
                if (graphQl == null || raw == null) {
                    continue;
                }
                ratios.add(new String[]{pair[0].replace(" (GraphQL)", ""), String.valueOf(clients),
                        String.format(Locale.ROOT, "%.1f×", graphQl.p50() / raw.p50()),
                        String.format(Locale.ROOT, "%.1f×", graphQl.p99() / raw.p99())});
            }
        }
        report.add("");
        Report.table(report, ratios);
    }

    private static HttpLoad.Result find(List<HttpLoad.Result> results, String name, int clients) {
        return results.stream().filter(r -> r.name().equals(name) && r.clients() == clients).findFirst().orElse(null);
    }
}
