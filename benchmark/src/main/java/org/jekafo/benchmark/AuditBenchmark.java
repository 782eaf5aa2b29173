package org.jekafo.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jekafo.api.common.Channel;
import org.jekafo.api.membership.ChangeMemberPhoneCommand;
import org.jekafo.api.membership.ReinstateMemberCommand;
import org.jekafo.api.membership.SuspendMemberCommand;
import org.jekafo.api.membership.TransferMemberCommand;
import org.jekafo.app.census.CensusImport;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.jekafo.app.platform.identity.SigningKey;
import org.jekafo.app.platform.identity.TokenMinter;
import org.jekafo.app.platform.messaging.CommandSender;
import org.jekafo.elasticsearch.local.LocalElasticsearch;
import org.jekafo.query.elasticsearch.ProjectionMaintenance;

import javax.sql.DataSource;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The auditor's questions on a large store ({@code --scenario=audit}): a generated census of {@code --members}
 * members (200,000 by default) imported, then changes sent through the command bus (phone corrections, transfers,
 * suspensions and reinstatements, each a command of the executive bureau through the gate, as GraphQL sends them) until the event store holds
 * {@code --events} events (1,000,000 by default); then, once every projection and the hash chain have caught up:
 * <ol>
 *     <li>five typical audit queries over HTTP (GraphQL, an auditor's token): p50 and p99;</li>
 *     <li>the integrity verification of the whole store ({@code verifyIntegrity}): events per second;</li>
 *     <li>member counts as of twenty dates ({@code memberCountsAsOf}): p50 and p99;</li>
 *     <li>a rebuild of the audit index from the event store: events per second;</li>
 * </ol>
 * next to the raw read rate of the same event store (one JDBC query streaming every stored row with its payload
 * and metadata bytes) and the raw Elasticsearch bulk rate, in the same run.
 */
final class AuditBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SAMPLES = 200;
    /** The census indexed this many times over for the raw bulk rate (110,000 documents): a rate over seconds, not a burst. */
    private static final int RAW_BULK_PASSES = 5;
    private static final int CHANGE_THREADS = 4;
    private static final String AUDIT_PROJECTION = "audit-projection";

    private static final String TRAIL = """
            query trail($filter: AuditFilter, $first: Int) { auditTrail(filter: $filter, first: $first) { totalCount \
            edges { cursor node { position occurredAt eventName aggregateType aggregateId principal role channel \
            correlationId summary } } pageInfo { hasNextPage endCursor } } }""";
    private static final String CORRELATION = """
            query correlation($id: String!) { correlationTrail(correlationId: $id, first: 100) { totalCount \
            edges { node { position eventName aggregateId summary } } } }""";
    private static final String VERIFY = """
            query verify { verifyIntegrity { ok findingCount eventsChecked linksChecked durationMs eventsPerSecond } }""";
    private static final String COUNTS_AS_OF = """
            query countsAsOf($at: DateTime!) { memberCountsAsOf(at: $at) { total byStatus { key count } \
            byGender { key count } byRegion { key count } byTrade { key count } } }""";

    private final Options options;
    private final List<String> report = new ArrayList<>();

    private AuditBenchmark(Options options) {
        this.options = options;
    }

    static List<String> run(Options options) throws Exception {
        AuditBenchmark benchmark = new AuditBenchmark(options);
        benchmark.measure();
        return benchmark.report;
    }

    private void measure() throws Exception {
        String startedAt = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        Path dataDir = options.data() != null ? options.data() : Files.createTempDirectory("jekafo-benchmark-audit-");
        Files.createDirectories(dataDir);
        try (LocalElasticsearch elasticsearch = LocalElasticsearch.builder()
                .dataDirectory(dataDir.resolve("elasticsearch")).build().start();
             SearchIndex search = new SearchIndex(elasticsearch);
             EventStoreDatabase database = EventStoreDatabase.create(options, dataDir);
             RunningApplication server = RunningApplication.startServer(options, elasticsearch, dataDir, database)) {
            server.awaitProjectionsIdle(Duration.ofMinutes(5));
            long generation = System.nanoTime();
            long events = eventCount(server.dataSource());
            if (events < options.events() / 2) {
                importCensus(server, dataDir);
                events = eventCount(server.dataSource());
            }
            if (events < options.events()) {
                sendChanges(server, options.events() - events);
            }
            events = eventCount(server.dataSource());
            Console.say(String.format(Locale.ROOT, "%,d events in the store; waiting for the projections and the chain",
                    events));
            server.awaitProjectionsIdle(Duration.ofHours(2));
            long unchained = awaitChained(server.dataSource(), Duration.ofHours(1));
            double generationSeconds = (System.nanoTime() - generation) / 1e9;
            String loadAtStart = Machine.loadAverage();

            Measurement rawRead = rawStoreRead(server.dataSource());
            Console.say(String.format(Locale.ROOT, "raw: store read %,.0f events/s", rawRead.perSecond()));

            URL graphql = new URL("http://127.0.0.1:" + server.port() + "/graphql");
            String auditor = "Bearer " + new TokenMinter(SigningKey.of(dataDir)).mint(
                    new ActingPrincipal("benchmark-auditor", Role.AUDITOR, null, null), Duration.ofHours(4));
            Samples samples = samples(server.dataSource());

            Map<String, LongFunction<HttpLoad.Call>> questions = new LinkedHashMap<>();
            questions.put("everything one person did in a week (principal, time range)", i -> call(graphql, auditor, TRAIL,
                    Map.of("first", 50, "filter", Map.of("principal", samples.principal(),
                            "from", samples.from().toString(), "to", samples.from().plus(Duration.ofDays(7)).toString()))));
            questions.put("one member's whole trail (aggregate)", i -> call(graphql, auditor, TRAIL, Map.of("first", 50,
                    "filter", Map.of("aggregateType", "Member", "aggregateId", samples.member(i)))));
            questions.put("what one request caused (correlation id)", i -> call(graphql, auditor, CORRELATION,
                    Map.of("id", samples.correlation(i))));
            questions.put("transfers in a region over a month (event name, unit subtree, time)", i -> call(graphql,
                    auditor, TRAIL, Map.of("first", 50, "filter", Map.of("eventNames", List.of("MemberTransferred"),
                            "orgUnit", samples.region(i), "from", samples.from().toString(),
                            "to", samples.from().plus(Duration.ofDays(31)).toString()))));
            questions.put("free text (« suspendu »), newest first", i -> call(graphql, auditor,
                    TRAIL.replace("auditTrail(filter: $filter,", "auditTrail(filter: $filter, orderBy: DESC,"),
                    Map.of("first", 50, "filter", Map.of("text", "suspendu"))));
            String warmUp = JitWarmUp.untilCompilerIdle(() -> {
                for (Map.Entry<String, LongFunction<HttpLoad.Call>> question : questions.entrySet()) {
                    HttpLoad.measureEach(question.getKey(), 1, SAMPLES / 4, Duration.ofMinutes(2), question.getValue(),
                            AuditBenchmark::answered);
                }
            });
            List<HttpLoad.Result> audits = new ArrayList<>();
            for (Map.Entry<String, LongFunction<HttpLoad.Call>> question : questions.entrySet()) {
                HttpLoad.Result result = HttpLoad.measureEach(question.getKey(), 1, SAMPLES, Duration.ofMinutes(5),
                        question.getValue(), AuditBenchmark::answered);
                Console.say(String.format(Locale.ROOT, "%s: p50 %.1f ms, p99 %.1f ms%s", result.name(), result.p50(),
                        result.p99(), result.failures() == 0 ? "" : ", " + result.failures() + " failed: "
                                + result.firstFailure()));
                audits.add(result);
            }

            long verifyStart = System.nanoTime();
            JsonNode verified = JSON.readTree(HttpLoad.body(call(graphql, auditor, VERIFY, Map.of())))
                    .path("data").path("verifyIntegrity");
            double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
            Console.say("verifyIntegrity: " + verified);

            LongFunction<HttpLoad.Call> asOf = i -> call(graphql, auditor, COUNTS_AS_OF,
                    Map.of("at", samples.date(i).toString()));
            HttpLoad.measureEach("counts as of", 1, 20, Duration.ofMinutes(2), asOf, AuditBenchmark::answered);
            HttpLoad.Result asOfResult = HttpLoad.measureEach("member counts as of a date (20 dates)", 1, SAMPLES,
                    Duration.ofMinutes(5), asOf, AuditBenchmark::answered);
            Console.say(String.format(Locale.ROOT, "counts as of: p50 %.1f ms, p99 %.1f ms", asOfResult.p50(),
                    asOfResult.p99()));

            List<Export> exports = List.of(
                    export(server.port(), auditor, "/exports/audit.ndjson", "the whole audit trail, NDJSON"),
                    export(server.port(), auditor, "/exports/members.csv", "every member, CSV (auditor: masked, journaled)"));

            // just before the rebuild, on the same warm Elasticsearch: measured first on one just started, the raw
            // rate came out at a third of what the same machine gave minutes later (4,677 against 14,625 documents/s)
            Measurement rawBulk = RawBulkIndexing.run(search, CensusRows.read(options.file()), RAW_BULK_PASSES);
            Console.say(String.format(Locale.ROOT, "raw: Elasticsearch bulk %,.0f documents/s", rawBulk.perSecond()));
            Console.say("rebuilding the audit index");
            String loadBeforeRebuild = Machine.loadAverage();
            long rebuildStart = System.nanoTime();
            server.bean(ProjectionMaintenance.class).rebuild(AUDIT_PROJECTION).get(2, TimeUnit.HOURS);
            double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
            String rebuildLoad = loadBeforeRebuild + " before, " + Machine.loadAverage() + " after";
            long auditDocuments = search.searchableCount("jekafo-audit");
            Console.say(String.format(Locale.ROOT, "audit index rebuilt: %,d documents in %.1f s", auditDocuments,
                    rebuildSeconds));

            write(startedAt, loadAtStart, warmUp, events, unchained, generationSeconds, rawRead, rawBulk, audits, verified,
                    verifySeconds, asOfResult, exports, auditDocuments, rebuildSeconds, rebuildLoad);
        } finally {
            if (options.data() == null) {
                ImportBenchmark.deleteRecursively(dataDir);
            }
        }
    }

    private void importCensus(RunningApplication server, Path dataDir) throws Exception {
        CensusGenerator generator = CensusGenerator.from(CensusRows.read(options.file()));
        CensusGenerator.Generated census = generator.write(dataDir, "census-audit", options.members(), 0, 13);
        Console.say(String.format(Locale.ROOT, "importing %,d generated members", census.lines()));
        CensusImport.Result result = server.censusImport().importFile(census.census(), dataDir.resolve("rejets.csv"),
                options.parallelism(), progress -> {
                    if (progress.done() % 50_000 == 0) {
                        Console.say(String.format(Locale.ROOT, "%,d/%,d lines", progress.done(), progress.total()));
                    }
                });
        Console.say(String.format(Locale.ROOT, "%,d members registered", result.registered()));
    }

    /** Changes, each its own command through the gate as GraphQL sends it, until {@code wanted} more events. */
    private void sendChanges(RunningApplication server, long wanted) throws Exception {
        List<String[]> members = query(server.dataSource(),
                "select member_id, local_unit_id from member_directory where status = 'ACTIVE'", 2);
        List<String> units = query(server.dataSource(), "select distinct local_unit_id from member_directory", 1)
                .stream().map(row -> row[0]).toList();
        CommandSender sender = server.bean(CommandSender.class);
        AtomicLong sent = new AtomicLong();
        long started = System.nanoTime();
        Console.say(String.format(Locale.ROOT, "sending %,d changes to %,d members from %d threads", wanted,
                members.size(), CHANGE_THREADS));
        ExecutorService pool = Executors.newFixedThreadPool(CHANGE_THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < CHANGE_THREADS; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(thread);
                CommandSender.CommandContext context = CommandSender.CommandContext.of(
                        new ActingPrincipal("bureau-benchmark-" + thread, Role.EXECUTIVE_BUREAU, null, null),
                        Channel.PORTAL);
                int refusedInARow = 0;
                for (long n = thread; sent.get() < wanted; n += CHANGE_THREADS) {
                    String[] member = members.get((int) (n % members.size()));
                    long round = n / members.size();
                    Object command = switch ((int) (round % 4)) {
                        case 0 -> new ChangeMemberPhoneCommand(member[0],
                                "+223" + (70_000_000 + random.nextInt(29_999_999)));
                        case 1 -> new TransferMemberCommand(member[0], units.get(random.nextInt(units.size())),
                                "Déménagement");
                        case 2 -> new SuspendMemberCommand(member[0], "Cotisation impayée");
                        default -> new ReinstateMemberCommand(member[0], "Cotisation réglée");
                    };
                    try {
                        sender.send(command, context);
                    } catch (RuntimeException refused) {
                        if (++refusedInARow > 1_000) { // not a transfer to the member's own unit: every command refused
                            throw new IllegalStateException("changes refused 1,000 times in a row", refused);
                        }
                        continue;
                    }
                    refusedInARow = 0;
                    long done = sent.incrementAndGet();
                    if (done % 50_000 == 0) {
                        Console.say(String.format(Locale.ROOT, "%,d changes, %.0f/s", done,
                                done / ((System.nanoTime() - started) / 1e9)));
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    /** One streamed export as an auditor downloads it: rows, time, bytes, its trailer checked, the heap meanwhile. */
    private record Export(String name, long rows, long bytes, double seconds, double firstByteMs, boolean trailerOk,
                          double heapBeforeMb, List<Double> liveHeapMb, String load) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    /**
     * Downloads {@code path} to nowhere, reading it a buffer at a time, and checks its last line: the SHA-256 of every
     * byte before it and the number of rows ({@code StreamedExport}). The server runs in this JVM: the live heap
     * measured during the download is the server's (and this reader's) — constant memory shows as a live heap that
     * does not grow with the rows read.
     */
    private static Export export(int port, String token, String path, String name) throws Exception {
        String load = Machine.loadAverage();
        double heapBefore = liveHeapMb();
        long start = System.nanoTime();
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection)
                new URL("http://127.0.0.1:" + port + path).openConnection();
        connection.setRequestProperty("Authorization", token);
        connection.setReadTimeout((int) Duration.ofMinutes(10).toMillis());
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        long lines = 0;
        long bytes = 0;
        double firstByteMs = -1;
        byte[] lastLine = new byte[0];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        List<Double> live = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(connection.getInputStream(), 1 << 16)) {
            if (connection.getResponseCode() != 200) {
                throw new IllegalStateException(path + " answered " + connection.getResponseCode());
            }
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = in.read(buffer)) > 0; ) {
                if (firstByteMs < 0) {
                    firstByteMs = (System.nanoTime() - start) / 1e6;
                }
                bytes += read;
                for (int i = 0; i < read; i++) { // every complete line goes into the digest; the last is the trailer
                    line.write(buffer[i]);
                    if (buffer[i] == '\n') {
                        digest.update(lastLine);
                        lastLine = line.toByteArray();
                        line.reset();
                        if (++lines % LIVE_HEAP_EVERY == 0) {
                            live.add(liveHeapMb());
                        }
                    }
                }
            }
        }
        if (line.size() > 0) { // a trailer without its line feed
            digest.update(lastLine);
            lastLine = line.toByteArray();
            lines++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String trailer = new String(lastLine, StandardCharsets.UTF_8).strip();
        String sha = HexFormat.of().formatHex(digest.digest());
        long rows = path.endsWith(".csv") ? lines - 2 : lines - 1; // header (CSV) and trailer
        boolean ok = trailer.equals(path.endsWith(".csv") ? "#sha256=" + sha + ";rows=" + rows
                : "{\"sha256\":\"" + sha + "\",\"rows\":" + rows + "}");
        Console.say(String.format(Locale.ROOT, "export %s: %,d rows, %,d MB in %.1f s (%,.0f rows/s), trailer %s, "
                + "live heap %.0f MB before, %s MB every %,d rows during it", path, rows, bytes >> 20, seconds,
                rows / seconds, ok ? "ok" : "WRONG: " + trailer, heapBefore, liveHeap(live), LIVE_HEAP_EVERY));
        return new Export(name, rows, bytes, seconds, firstByteMs, ok, heapBefore, live, load);
    }

    /** Rows read between two measures of the live heap during an export. */
    private static final int LIVE_HEAP_EVERY = 50_000;

    /**
     * The heap still in use after a full collection: what is live, garbage aside (the server runs in this JVM). A
     * full collection every {@link #LIVE_HEAP_EVERY} rows slows the download a little; it is what shows whether
     * memory grows with the rows read.
     */
    private static double liveHeapMb() {
        System.gc();
        return (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024.0 * 1024);
    }

    private static String liveHeap(List<Double> live) {
        return live.isEmpty() ? "—" : String.format(Locale.ROOT, "%.0f–%.0f",
                live.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                live.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    /** Every stored row read once, payload and metadata bytes included: the store's own limit. */
    private static Measurement rawStoreRead(DataSource dataSource) throws SQLException {
        String load = Machine.loadAverage();
        long start = System.nanoTime();
        int rows = 0;
        long bytes = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement statement = connection.prepareStatement("select globalIndex, eventIdentifier, "
                    + "aggregateIdentifier, sequenceNumber, type, payloadType, payloadRevision, timeStamp, payload, "
                    + "metaData from DomainEventEntry order by globalIndex")) {
                statement.setFetchSize(1000);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        bytes += result.getBytes(9).length + result.getBytes(10).length;
                        rows++;
                    }
                }
            }
            connection.commit();
        }
        Console.say(String.format(Locale.ROOT, "raw store read: %,d rows, %,d MB", rows, bytes >> 20));
        return new Measurement("raw event store read (one JDBC query, every row with its bytes)", rows, "events",
                Duration.ofNanos(System.nanoTime() - start), load);
    }

    private static long eventCount(DataSource dataSource) throws SQLException {
        return Long.parseLong(query(dataSource, "select count(*) from DomainEventEntry", 1).get(0)[0]);
    }

    /**
     * Waits until the chain has reached the store's last event; returns the events it passed over (stored in a gap
     * of the global index that stayed empty longer than {@code jekafo.integrity.gap-window}: a transaction that
     * committed that late, which verification reports as an inserted event). Counting rows alone would wait for
     * them forever.
     */
    private static long awaitChained(DataSource dataSource, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String[] store = query(dataSource, "select count(*), max(globalIndex) from DomainEventEntry", 2).get(0);
            String[] chain = query(dataSource, "select count(*), max(global_index) from event_chain", 2).get(0);
            if (chain[1] != null && Long.parseLong(chain[1]) >= Long.parseLong(store[1])) {
                long unchained = Long.parseLong(store[0]) - Long.parseLong(chain[0]);
                if (unchained > 0) {
                    Console.say(String.format(Locale.ROOT, "%,d events committed after the chain passed over their "
                            + "place (gap window): verification reports them", unchained));
                }
                return unchained;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(chain[0] + " of " + store[0] + " events chained after " + timeout);
            }
            Thread.sleep(500);
        }
    }

    /** What the questions ask about: members, correlations, regions, a principal and dates taken from the store. */
    private record Samples(List<String> members, List<String> correlations, List<String> regions, String principal,
                           Instant from, Instant to) {
        String member(long i) {
            return members.get((int) (i % members.size()));
        }

        String correlation(long i) {
            return correlations.get((int) (i % correlations.size()));
        }

        String region(long i) {
            return regions.get((int) (i % regions.size()));
        }

        Instant date(long i) {
            long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
            return from.plusMillis(span * (i % 20 + 1) / 20);
        }
    }

    private static Samples samples(DataSource dataSource) throws SQLException {
        SplittableRandom random = new SplittableRandom(7);
        List<String> members = new ArrayList<>();
        for (String[] row : query(dataSource, "select member_id from member_directory", 1)) {
            if (random.nextInt(100) == 0) {
                members.add(row[0]);
            }
        }
        List<String> correlations = new ArrayList<>();
        List<String[]> metadata = query(dataSource, "select metaData from DomainEventEntry where mod(globalIndex, 997) = 0",
                1);
        for (String[] row : metadata) {
            try {
                JsonNode node = JSON.readTree(row[0]);
                if (node.hasNonNull("correlationId")) {
                    correlations.add(node.get("correlationId").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> regions = query(dataSource, "select distinct local_unit_id from member_directory", 1).stream()
                .map(row -> row[0]).toList();
        String[] times = query(dataSource, "select min(timeStamp), max(timeStamp) from DomainEventEntry", 2).get(0);
        return new Samples(members, correlations, regions, "bureau-benchmark-0", Instant.parse(times[0]),
                Instant.parse(times[1]));
    }

    private static List<String[]> query(DataSource dataSource, String sql, int columns) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                String[] row = new String[columns];
                for (int c = 0; c < columns; c++) {
                    Object value = result.getObject(c + 1);
                    row[c] = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                            : value == null ? null : value.toString();
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static HttpLoad.Call call(URL url, String token, String document, Map<String, Object> variables) {
        try {
            byte[] body = JSON.writeValueAsBytes(Map.of("query", document, "variables", variables));
            return new HttpLoad.Call("POST", url, Map.of("Content-Type", "application/json", "Authorization", token),
                    body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean answered(String body) {
        return body.contains("\"data\"") && !body.contains("\"errors\"");
    }

    private void write(String startedAt, String load, String warmUp, long events, long unchained, double generationSeconds,
                       Measurement rawRead, Measurement rawBulk, List<HttpLoad.Result> audits, JsonNode verified,
                       double verifySeconds, HttpLoad.Result asOf, List<Export> exports, long auditDocuments,
                       double rebuildSeconds,
                       String rebuildLoad) {
        double rebuildRate = auditDocuments / rebuildSeconds;
        report.add("# Audit benchmark — " + options.profile() + ", " + startedAt);
        report.add("");
        report.add(String.format(Locale.ROOT, "%,d events in the store (%,d generated members and their changes, "
                + "%.0f s to generate, project and chain); load average at the start of the measurements: %s.",
                events, options.members(), generationSeconds, load));
        report.add("");
        report.add("Before the queries: " + warmUp + ".");
        if (unchained > 0) {
            report.add("");
            report.add(String.format(Locale.ROOT, "%,d events committed after the hash chain had passed over their place "
                    + "(a transaction slower than the gap window): verification reports them.", unchained));
        }
        report.add("");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"measure", "figure", "target"});
        for (HttpLoad.Result audit : audits) {
            rows.add(new String[]{"audit query: " + audit.name(), String.format(Locale.ROOT,
                    "p50 %.1f ms, p99 %.1f ms%s", audit.p50(), audit.p99(),
                    audit.failures() == 0 ? "" : " (" + audit.failures() + " failed)"), "p99 < 100 ms"});
        }
        rows.add(new String[]{"integrity verification of the whole store", String.format(Locale.ROOT,
                "%,d events in %.1f s: **%,.0f events/s** (server's own figure %,.0f/s), ok=%s",
                verified.path("eventsChecked").asLong(), verifySeconds,
                verified.path("eventsChecked").asLong() / verifySeconds, verified.path("eventsPerSecond").asDouble(),
                verified.path("ok").asText()), "≥ 50,000 events/s"});
        rows.add(new String[]{"raw event store read (same store, one JDBC query)", String.format(Locale.ROOT,
                "%,.0f events/s", rawRead.perSecond()), "—"});
        rows.add(new String[]{"member counts as of a date", String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms",
                asOf.p50(), asOf.p99()), "—"});
        for (Export export : exports) {
            rows.add(new String[]{"export: " + export.name(), String.format(Locale.ROOT, "%,d rows, %,d MB in %.1f s: "
                    + "**%,.0f rows/s**, first byte %.0f ms, trailer %s; live heap (server and reader, -Xmx%.0f MB, "
                    + "after a full GC) %.0f MB before it, %s MB at every %,d rows during it", export.rows(),
                    export.bytes() >> 20, export.seconds(), export.rowsPerSecond(), export.firstByteMs(),
                    export.trailerOk() ? "checked" : "WRONG", HeapSampler.maxHeapMb(), export.heapBeforeMb(),
                    liveHeap(export.liveHeapMb()), LIVE_HEAP_EVERY), "constant memory"});
        }
        rows.add(new String[]{"audit index rebuild", String.format(Locale.ROOT, "%,d documents in %.1f s: **%,.0f/s**, "
                + "%.0f %% of the raw bulk rate (load average %s)", auditDocuments, rebuildSeconds, rebuildRate,
                100 * rebuildRate / rawBulk.perSecond(), rebuildLoad), "≥ 50 % of raw bulk"});
        rows.add(new String[]{"raw Elasticsearch bulk (bulks of 1000)", String.format(Locale.ROOT, "%,.0f documents/s",
                rawBulk.perSecond()), "—"});
        Report.table(report, rows);
    }
}
