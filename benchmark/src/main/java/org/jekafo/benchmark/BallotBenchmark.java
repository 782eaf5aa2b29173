package org.jekafo.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.jekafo.app.platform.health.ProjectionProgress;
import org.jekafo.app.platform.identity.SigningKey;
import org.jekafo.app.platform.identity.TokenMinter;
import org.jekafo.elasticsearch.local.LocalElasticsearch;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Every member of the census votes in a national consultation, through GraphQL over HTTP, as fast as
 * {@code --clients} (16) concurrent clients are answered ({@code --scenario=ballots}):
 * <ol>
 *     <li>the server as {@code ./jekafo server} runs it, on the profile's store (embedded H2 or PostgreSQL), the census
 *     imported;</li>
 *     <li>the executive bureau drafts a national OPEN consultation (a single choice of three, a yes/no/abstain),
 *     schedules it and waits until it is open (its roll fixed);</li>
 *     <li>each member, with a token of their own, casts one ballot: ballots per second, p50 and p99, refusals; every
 *     100 ms meanwhile, the consultation's {@code turnout.voterCount} as GraphQL answers it and the ballot
 *     projection's lag in events: the time from a ballot's acknowledgement until the turnout counts it;</li>
 *     <li>the same in a SECRET consultation (encrypted ballots with proofs and receipts), then the bureau closes it
 *     early and the time until it is TALLIED is measured, the tally's counts checked against the ballots sent;</li>
 *     <li>the machine's raw limits in the same run: single-row committed JDBC inserts into the same database,
 *     Elasticsearch bulk indexing.</li>
 * </ol>
 * The server runs in this JVM: the heap figures are the server's and the load generator's together.
 */
final class BallotBenchmark {

    static final String BALLOT_PROJECTION = "consultation-ballot-projection";
    private static final String MEMBERS = "jekafo-members";
    /** Waited after closing before the tally (the application's default is 10 s). */
    private static final Duration TALLY_GRACE = Duration.ofSeconds(1);
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String NATIONAL = "{ orgUnits(level: NATIONAL) { id code } }";
    private static final String DRAFT = "mutation($input: DraftConsultationInput!) { draftConsultation(input: $input) "
            + "{ userErrors { code field message } consultation { id } } }";
    private static final String SCHEDULE = "mutation($input: ScheduleConsultationInput!) { scheduleConsultation(input: "
            + "$input) { userErrors { code field message } consultation { id status } } }";
    private static final String CLOSE = "mutation($input: CloseConsultationInput!) { closeConsultation(input: $input) "
            + "{ userErrors { code field message } consultation { id status } } }";
    private static final String STATUS = "query($id: ID!) { consultation(id: $id) { status eligibleCount "
            + "questions { questionId options { optionId } } } }";
    private static final String TURNOUT = "query($id: ID!) { consultation(id: $id) { turnout { voterCount } } }";
    private static final String RESULT = "query($id: ID!) { consultation(id: $id) { status result { outcome "
            + "voterCount questions { questionId options { optionId count } blank { count } } } } }";
    private static final String CAST = "mutation($input: CastBallotInput!) { castBallot(input: $input) { "
            + "userErrors { code field message } receipt } }";

    private final Options options;
    private final List<String> report = new ArrayList<>();

    private BallotBenchmark(Options options) {
        this.options = options;
    }

    static List<String> run(Options options) throws Exception {
        BallotBenchmark benchmark = new BallotBenchmark(options);
        benchmark.measure();
        return benchmark.report;
    }

    /** One consultation's figures. */
    private record Round(String mode, int eligible, double openingSeconds, HttpLoad.Result load, Lag lag,
                         HeapSampler.Window heap, String loadAtStart, Tally tally) {
    }

    /**
     * From acknowledgement to turnout, in milliseconds, over every acknowledged ballot; and the ballot projection's
     * lag in events over the samples taken from the first ballot until the turnout counted them all.
     */
    private record Lag(double p50Millis, double p99Millis, double maxMillis, long p50Events, long p99Events,
                       long maxEvents, int samples, double drainSeconds, int neverCounted) {
    }

    /** The close until TALLIED, and whether the result holds the counts sent. */
    private record Tally(double closeToTalliedSeconds, String outcome, int voterCount, boolean countsAsSent,
                         String counts) {
    }

    private void measure() throws Exception {
        String startedAt = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String loadAtStart = Machine.loadAverage();
        int clients = options.clients().get(0);
        CensusRows census = CensusRows.read(options.file());
        Path dataDir = Files.createTempDirectory("jekafo-benchmark-ballots-");
        try (HeapSampler heap = new HeapSampler();
             LocalElasticsearch elasticsearch = LocalElasticsearch.builder().build().start();
             SearchIndex search = new SearchIndex(elasticsearch);
             EventStoreDatabase database = EventStoreDatabase.create(options, dataDir)) {
            Console.say("starting the server on " + database.describe() + " and Elasticsearch at " + elasticsearch.url());
            try (RunningApplication server = RunningApplication.startServer(options, elasticsearch, dataDir, database,
                    List.of("--jekafo.consultations.tally-grace=" + TALLY_GRACE.toSeconds() + "s",
                            // a deadline runs within one polling interval (5 s by default): polled often, so that the
                            // opening and the tally are timed, not the poll
                            "--db-scheduler.polling-interval=100ms"))) {
                server.awaitProjectionsIdle(Duration.ofMinutes(5));
                int members = ReadBenchmark.load(options, server, search, dataDir);
                URL graphql = new URL("http://127.0.0.1:" + server.port() + "/graphql");
                TokenMinter minter = new TokenMinter(SigningKey.of(dataDir));
                String bureau = "Bearer " + minter.mint(
                        new ActingPrincipal("benchmark", Role.EXECUTIVE_BUREAU, null, null), Duration.ofHours(4));
                GraphQl api = new GraphQl(graphql, bureau);
                String national = api.run(NATIONAL, Map.of()).path("orgUnits").path(0).path("id").asText();
                if (national.isEmpty()) {
                    throw new IllegalStateException("no national org unit");
                }
                List<String> voters = activeMembers(search);
                Console.say(String.format(Locale.ROOT, "%,d active members; minting a member token for each", voters.size()));
                String[] tokens = new String[voters.size()];
                IntStream.range(0, voters.size()).parallel().forEach(i -> tokens[i] = "Bearer " + minter.mint(
                        new ActingPrincipal("benchmark-member-" + i, Role.MEMBER, null, voters.get(i)),
                        Duration.ofHours(4)));
                ProjectionProgress progress = server.bean(ProjectionProgress.class);

                List<Round> rounds = new java.util.ArrayList<>();
                for (String mode : List.of("OPEN", "SECRET")) {
                    if (options.only().isEmpty() || options.only().stream().anyMatch(mode::equalsIgnoreCase)) {
                        rounds.add(round(mode, api, graphql, national, voters, tokens, clients, progress, heap));
                    }
                }

                Console.say("raw JDBC: " + census.size() + " single-row committed inserts");
                Measurement rawJdbc = RawJdbcInserts.run(server.dataSource(), census);
                Console.say("raw Elasticsearch: " + census.size() + " documents in bulks of "
                        + RawBulkIndexing.BULK_SIZE);
                Measurement rawBulk = RawBulkIndexing.run(search, census);
                write(startedAt, loadAtStart, members, clients, database.describe(),
                        "Elasticsearch " + search.serverVersion(), rounds, rawJdbc, rawBulk,
                        heap.overallPeakMb());
            }
        } finally {
            ImportBenchmark.deleteRecursively(dataDir);
        }
    }

    private Round round(String mode, GraphQl api, URL graphql, String national, List<String> voters, String[] tokens,
                        int clients, ProjectionProgress progress, HeapSampler heap) throws Exception {
        Console.say(mode + " consultation: drafting, scheduling, waiting until it is open");
        String id = api.run(DRAFT, Map.of("input", Map.of("plan", plan(national, mode))))
                .path("draftConsultation").path("consultation").path("id").asText();
        long scheduled = System.nanoTime();
        api.run(SCHEDULE, Map.of("input", Map.of("consultationId", id)));
        JsonNode consultation = api.awaitStatus(id, "OPEN", Duration.ofMinutes(10));
        double openingSeconds = (System.nanoTime() - scheduled) / 1e9;
        int eligible = consultation.path("eligibleCount").asInt();
        Console.say(String.format(Locale.ROOT, "%s consultation open %.1f s after scheduling, %,d on its roll", mode,
                openingSeconds, eligible));
        if (eligible != voters.size()) {
            Console.say("warning: the roll holds " + eligible + " members, the index " + voters.size() + " active");
        }
        List<List<String>> options = new ArrayList<>();
        consultation.path("questions").forEach(q -> {
            List<String> ids = new ArrayList<>();
            q.path("options").forEach(o -> ids.add(o.path("optionId").asText()));
            options.add(ids);
        });
        List<String> questionIds = new ArrayList<>();
        consultation.path("questions").forEach(q -> questionIds.add(q.path("questionId").asText()));

        int n = voters.size();
        long[] acknowledged = new long[n];
        Arrays.fill(acknowledged, Long.MAX_VALUE);
        AtomicInteger acks = new AtomicInteger();
        boolean secret = mode.equals("SECRET");
        Sampler sampler = new Sampler(api, id, progress);
        heap.reset();
        String load = Machine.loadAverage1();
        sampler.start();
        Console.say(String.format(Locale.ROOT, "%s consultation: %,d ballots from %d clients", mode, n, clients));
        HttpLoad.Result result = HttpLoad.measureEach("castBallot (" + mode + ")", clients, n, Duration.ofMinutes(30),
                i -> new HttpLoad.Call("POST", graphql, Map.of("Content-Type", "application/json",
                        "Authorization", tokens[(int) i]), json(Map.of("query", CAST, "variables", Map.of("input",
                        ballot(id, voters.get((int) i), questionIds, options, (int) i))))),
                body -> {
                    boolean ok = !body.contains("\"errors\"") && body.contains("\"userErrors\":[]")
                            && (!secret || body.matches("(?s).*\"receipt\":\"\\d{4}-\\d{4}-\\d{2}\".*"));
                    if (ok) {
                        acknowledged[acks.getAndIncrement()] = System.nanoTime();
                    }
                    return ok;
                });
        HeapSampler.Window heapWindow = heap.window();
        Console.say(String.format(Locale.ROOT, "%s: %,d ballots in %.1f s, %.0f/s, p50 %.1f ms, p99 %.1f ms, %d refused%s",
                mode, result.requests(), result.seconds(), result.perSecond(), result.p50(), result.p99(),
                result.failures(), result.failures() == 0 ? "" : ", first: " + result.firstFailure()));
        long loadEnded = System.nanoTime();
        boolean allCounted = sampler.awaitTurnout(acks.get(), Duration.ofMinutes(2));
        double drain = (System.nanoTime() - loadEnded) / 1e9;
        if (!allCounted) {
            Console.say(String.format(Locale.ROOT, "%s: the turnout counts %,d voters %.0f s after the last of %,d "
                    + "acknowledged ballots", mode, sampler.lastVoterCount, drain, acks.get()));
        }
        sampler.stop();
        Lag lag = sampler.lag(Arrays.copyOf(acknowledged, acks.get()), drain);
        Console.say(String.format(Locale.ROOT, "%s: turnout counted every acknowledged ballot %.1f s after the last; "
                + "acknowledgement to turnout p50 %.0f ms, p99 %.0f ms; projection lag p99 %d events", mode, drain,
                lag.p50Millis(), lag.p99Millis(), lag.p99Events()));
        Tally tally = secret ? tally(api, id, questionIds, options, n, result.failures() == 0) : null;
        return new Round(mode, eligible, openingSeconds, result, lag, heapWindow, load, tally);
    }

    /** Closes the consultation early and waits until it is tallied; checks the counts against the ballots sent. */
    private Tally tally(GraphQl api, String id, List<String> questionIds, List<List<String>> options, int n,
                        boolean allCounted) throws Exception {
        Console.say("closing the secret consultation; waiting until it is tallied");
        long closing = System.nanoTime();
        api.run(CLOSE, Map.of("input", Map.of("consultationId", id, "reason", "Fin du banc d'essai")));
        api.awaitStatus(id, "TALLIED", Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - closing) / 1e9;
        JsonNode result = api.run(RESULT, Map.of("id", id)).path("consultation").path("result");
        List<String> counted = new ArrayList<>();
        boolean asSent = allCounted;
        for (int q = 0; q < questionIds.size(); q++) {
            JsonNode question = result.path("questions").path(q);
            for (int o = 0; o < options.get(q).size(); o++) {
                int expected = expectedCount(n, q, o, options.get(q).size());
                int count = question.path("options").path(o).path("count").asInt(-1);
                asSent &= count == expected;
                counted.add(options.get(q).get(o) + " " + count);
            }
        }
        Console.say(String.format(Locale.ROOT, "tallied %.2f s after the close (%s s of grace): %s, %s", seconds,
                TALLY_GRACE.toSeconds(), result.path("outcome").asText(), String.join(", ", counted)));
        return new Tally(seconds, result.path("outcome").asText(), result.path("voterCount").asInt(), asSent,
                String.join(", ", counted));
    }

    /** The n-th voter's answers: question 1's options in turn, question 2's in turn every three voters. */
    private static Map<String, Object> ballot(String consultationId, String memberId, List<String> questionIds,
                                              List<List<String>> options, int n) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int q = 0; q < questionIds.size(); q++) {
            List<String> choices = options.get(q);
            answers.add(Map.of("questionId", questionIds.get(q), "optionIds",
                    List.of(choices.get(choice(n, q, choices.size())))));
        }
        return Map.of("consultationId", consultationId, "memberId", memberId, "answers", answers);
    }

    private static int choice(int n, int question, int options) {
        return (question == 0 ? n : n / options) % options;
    }

    private static int expectedCount(int voters, int question, int option, int options) {
        int count = 0;
        for (int n = 0; n < voters; n++) {
            count += choice(n, question, options) == option ? 1 : 0;
        }
        return count;
    }

    private static Map<String, Object> plan(String national, String mode) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("title", "Banc d'essai : consultation nationale (" + mode + ")");
        plan.put("description", "Chaque membre du recensement vote une fois.");
        plan.put("questions", List.of(
                Map.of("kind", "SINGLE_CHOICE", "text", "Quelle priorité pour la fédération ?", "options", List.of(
                        Map.of("label", "Baisse des taxes"), Map.of("label", "Eau courante"),
                        Map.of("label", "Éclairage"))),
                Map.of("kind", "YES_NO_ABSTAIN", "text", "Faut-il une marche nationale ?")));
        plan.put("eligibility", Map.of("orgUnitId", national));
        plan.put("mode", mode);
        plan.put("channels", List.of("PORTAL"));
        plan.put("opensAt", Instant.now().minus(1, ChronoUnit.MINUTES).toString());
        plan.put("closesAt", Instant.now().plus(2, ChronoUnit.HOURS).toString());
        plan.put("quorumPercent", 0);
        return plan;
    }

    /** The identifiers of the active members, as the members index holds them (in identifier order). */
    private static List<String> activeMembers(SearchIndex search) throws IOException {
        List<String> ids = new ArrayList<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<JsonNode> page = search.client().search(s -> {
                s.index(MEMBERS).size(5_000).source(src -> src.fetch(false))
                        .query(q -> q.term(t -> t.field("status").value("ACTIVE")))
                        .sort(o -> o.field(f -> f.field("memberId").order(SortOrder.Asc)));
                if (from != null) {
                    s.searchAfter(from);
                }
                return s;
            }, JsonNode.class);
            var hits = page.hits().hits();
            if (hits.isEmpty()) {
                return ids;
            }
            hits.forEach(hit -> ids.add(hit.id()));
            after = hits.get(hits.size() - 1).sort();
        }
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GraphQL over HTTP as one principal; an answer with errors fails. */
    private record GraphQl(URL url, String token) {

        JsonNode run(String document, Map<String, Object> variables) throws IOException {
            String body = HttpLoad.body(new HttpLoad.Call("POST", url, Map.of("Content-Type", "application/json",
                    "Authorization", token), json(Map.of("query", document, "variables", variables))));
            JsonNode answer = JSON.readTree(body);
            if (answer.has("errors") || answer.findValues("userErrors").stream().anyMatch(e -> !e.isEmpty())) {
                throw new IllegalStateException("GraphQL refused: " + body);
            }
            return answer.path("data");
        }

        JsonNode awaitStatus(String id, String status, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                JsonNode consultation = run(STATUS, Map.of("id", id)).path("consultation");
                if (status.equals(consultation.path("status").asText())) {
                    return consultation;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("consultation " + id + " not " + status + " after " + timeout
                            + ": " + consultation.path("status").asText());
                }
                Thread.sleep(SAMPLE_EVERY.toMillis());
            }
        }
    }

    /**
     * Every {@link #SAMPLE_EVERY}: the turnout GraphQL answers (with the time its answer arrived) and the ballot
     * projection's lag in events.
     */
    private static final class Sampler {
        private final GraphQl api;
        private final String consultationId;
        private final ProjectionProgress progress;
        private final List<long[]> turnouts = new ArrayList<>(); // {arrived nanos, voterCount}
        private final List<Long> eventLags = new ArrayList<>();
        private volatile boolean running = true;
        private volatile int lastVoterCount;
        private volatile Exception failure;
        private final Thread thread = new Thread(this::sample, "ballot-lag-sampler");

        Sampler(GraphQl api, String consultationId, ProjectionProgress progress) {
            this.api = api;
            this.consultationId = consultationId;
            this.progress = progress;
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void sample() {
            long next = System.nanoTime();
            while (running) {
                try {
                    int voters = api.run(TURNOUT, Map.of("id", consultationId)).path("consultation").path("turnout")
                            .path("voterCount").asInt();
                    long arrived = System.nanoTime();
                    Long lag = progress.statuses().stream().filter(s -> s.name().equals(BALLOT_PROJECTION))
                            .map(ProjectionProgress.Status::lag).findFirst().orElse(null);
                    synchronized (this) {
                        turnouts.add(new long[]{arrived, voters});
                        if (lag != null) {
                            eventLags.add(lag);
                        }
                    }
                    lastVoterCount = voters;
                    next += SAMPLE_EVERY.toNanos();
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                    } else {
                        next = System.nanoTime();
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    failure = e;
                    return;
                }
            }
        }

        /** Whether the turnout reached {@code expected} within {@code timeout}. */
        boolean awaitTurnout(int expected, Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (lastVoterCount < expected) {
                if (failure != null) {
                    throw failure;
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(20);
            }
            return true;
        }

        void stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
        }

        /**
         * For the k-th acknowledged ballot (in the order of acknowledgement), the time from its acknowledgement until
         * the first sample whose turnout counts k voters (zero if one did before the acknowledgement arrived).
         */
        synchronized Lag lag(long[] acknowledged, double drainSeconds) {
            Arrays.sort(acknowledged);
            double[] millis = new double[acknowledged.length];
            int neverCounted = 0;
            int sample = 0;
            for (int k = 1; k <= acknowledged.length; k++) {
                while (sample < turnouts.size() && turnouts.get(sample)[1] < k) {
                    sample++;
                }
                if (sample == turnouts.size()) {
                    neverCounted++;
                    millis[k - 1] = Double.POSITIVE_INFINITY;
                    continue;
                }
                millis[k - 1] = Math.max(0, turnouts.get(sample)[0] - acknowledged[k - 1]) / 1e6;
            }
            Arrays.sort(millis);
            long[] events = eventLags.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Lag(percentile(millis, 0.50), percentile(millis, 0.99),
                    millis.length == 0 ? Double.NaN : millis[millis.length - 1],
                    events.length == 0 ? -1 : events[index(events.length, 0.50)],
                    events.length == 0 ? -1 : events[index(events.length, 0.99)],
                    events.length == 0 ? -1 : events[events.length - 1], turnouts.size(), drainSeconds,
                    neverCounted);
        }
    }

    private static int index(int length, double p) {
        return (int) Math.min(length - 1, Math.max(0, Math.ceil(length * p) - 1));
    }

    private static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[index(sorted.length, p)];
    }

    private void write(String startedAt, String loadAtStart, int members, int clients, String database,
                       String elasticsearch, List<Round> rounds, Measurement rawJdbc, Measurement rawBulk,
                       double overallPeakHeapMb) {
        report.add("# Jɛkafo ballot benchmark — profile `" + options.profile() + "`");
        report.add("");
        report.add(String.format(Locale.ROOT, "%s on %s: %d processors, load average (1, 5, 15 min) %s at start, %s at "
                        + "end; %,d members imported; %d clients; %s; -Xmx %.0f MB.", startedAt, Machine.host(),
                Machine.processors(), loadAtStart, Machine.loadAverage(), members, clients, Machine.java(),
                HeapSampler.maxHeapMb()));
        report.add("");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"Consultation", "Ballots", "Refused", "Time (s)", "Ballots/s", "p50 (ms)", "p99 (ms)",
                "Lag p50 (ms)", "Lag p99 (ms)", "Lag max (ms)", "Lag p99 (events)", "Lag max (events)",
                "Peak heap (MB)", "After-GC peak (MB)", "JVM CPU/ballot (ms)", "Load at start"});
        for (Round r : rounds) {
            HttpLoad.Result l = r.load();
            rows.add(new String[]{r.mode(), String.format(Locale.ROOT, "%,d", l.requests()),
                    String.valueOf(l.failures()), f1(l.seconds()), f0(l.perSecond()), f1(l.p50()), f1(l.p99()),
                    f0(r.lag().p50Millis()), f0(r.lag().p99Millis()), f0(r.lag().maxMillis()),
                    String.valueOf(r.lag().p99Events()), String.valueOf(r.lag().maxEvents()),
                    f0(r.heap().sampledPeakMb()), f0(r.heap().afterGcPeakMb()), String.format(Locale.ROOT, "%.2f",
                    l.cpuMillisPerRequest()), r.loadAtStart()});
        }
        Report.table(report, rows);
        report.add("");
        List<String[]> other = new ArrayList<>();
        other.add(new String[]{"Measurement", "Figure"});
        for (Round r : rounds) {
            other.add(new String[]{r.mode() + ": scheduled → OPEN (the roll of " + String.format(Locale.ROOT, "%,d",
                    r.eligible()) + " fixed and counted)", f1(r.openingSeconds()) + " s"});
            other.add(new String[]{r.mode() + ": turnout counts every acknowledged ballot, after the last one",
                    r.lag().neverCounted() == 0 ? f1(r.lag().drainSeconds()) + " s"
                            : "never: " + r.lag().neverCounted() + " not counted " + f1(r.lag().drainSeconds())
                            + " s after the last"});
            if (r.tally() != null) {
                Tally t = r.tally();
                other.add(new String[]{r.mode() + ": closeConsultation → TALLIED (grace of " + TALLY_GRACE.toSeconds()
                        + " s included)", String.format(Locale.ROOT, "%.2f s", t.closeToTalliedSeconds())});
                other.add(new String[]{r.mode() + ": tally, net of the grace", String.format(Locale.ROOT, "%.2f s",
                        t.closeToTalliedSeconds() - TALLY_GRACE.toNanos() / 1e9)});
                other.add(new String[]{r.mode() + ": result", t.outcome() + ", " + String.format(Locale.ROOT, "%,d",
                        t.voterCount()) + " voters, " + t.counts() + (t.countsAsSent() ? " (as sent)" : " (NOT as sent)")});
            }
        }
        for (Measurement raw : List.of(rawJdbc, rawBulk)) {
            other.add(new String[]{raw.name() + " (load at start " + raw.loadAtStart() + ")",
                    String.format(Locale.ROOT, "%,.0f %s/s", raw.perSecond(), raw.unit())});
        }
        for (Round r : rounds) {
            other.add(new String[]{r.mode() + " ballots/s ÷ raw JDBC rows/s, ÷ raw ES docs/s",
                    String.format(Locale.ROOT, "%.2f, %.2f", r.load().perSecond() / rawJdbc.perSecond(),
                            r.load().perSecond() / rawBulk.perSecond())});
        }
        other.add(new String[]{"Peak heap over the whole run (start-up, import, ballots, raw limits), sampled",
                f0(overallPeakHeapMb) + " MB"});
        Report.table(report, other);
        report.add("");
        report.add("Targets (issue 12): at least 1,000 ballots/s, p99 under 100 ms, lag p99 under 1 s; the tally of "
                + "22,000 secret ballots under 5 s.");
        for (Round r : rounds) {
            report.add(String.format(Locale.ROOT, "- %s: %s ballots/s (%s), p99 %s ms (%s), lag p99 %s ms (%s)%s",
                    r.mode(), f0(r.load().perSecond()), met(r.load().perSecond() >= 1000), f1(r.load().p99()),
                    met(r.load().p99() < 100), f0(r.lag().p99Millis()), met(r.lag().p99Millis() < 1000),
                    r.tally() == null ? "" : String.format(Locale.ROOT, ", tally net of the grace %.2f s (%s)",
                            r.tally().closeToTalliedSeconds() - TALLY_GRACE.toNanos() / 1e9,
                            met(r.tally().closeToTalliedSeconds() - TALLY_GRACE.toNanos() / 1e9 < 5))));
        }
        report.add("");
        report.add("Conditions:");
        report.add("");
        report.add("- the server as `./jekafo server` runs it, in this JVM (so the heap is the server's and the load "
                + "generator's together), on " + database + (options.postgres()
                ? " (a separate server process, not in the heap)" : " (embedded: in the heap)") + "; " + elasticsearch
                + ", a separate process; `jekafo.consultations.tally-grace=" + TALLY_GRACE.toSeconds() + "s` and "
                + "`db-scheduler.polling-interval=100ms` (5 s by default: a deadline would then run up to 5 s late)");
        report.add("- a national consultation (eligibility: the national unit), a single choice of three and a "
                + "yes/no/abstain, channel PORTAL; each member casts one ballot with a MEMBER token of their own "
                + "(`castBallot` over HTTP/1.1, kept-alive connections, closed loop: each client sends its next "
                + "ballot when the last is answered); a ballot counts as acknowledged when its answer has no error "
                + "(and, secret, a receipt); p50/p99 from the first byte sent to the last read");
        report.add("- lag: every 100 ms a `consultation { turnout { voterCount } }` query (the ballots index, "
                + "refreshed at each write of the ballot projection) and the ballot projection's lag in events "
                + "(`ProjectionProgress`, what `projections { lag }` answers); a ballot's lag is the time from its "
                + "acknowledgement until the answer of the first sample whose turnout reaches its rank (so within a "
                + "sample's period and query time above the truth)");
        report.add("- JVM CPU per ballot: this JVM (server, load generator, sampler) over the ballots; Elasticsearch"
                + (options.postgres() ? " and PostgreSQL" : "") + " not counted");
        report.add("- raw limits after the ballots, as in the import benchmark: one connection of the application's "
                + "pool, single-row autocommit INSERTs of the census's 12 columns; Elasticsearch bulks of "
                + RawBulkIndexing.BULK_SIZE + " until searchable");
    }

    private static String met(boolean met) {
        return met ? "met" : "not met";
    }

    private static String f0(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String f1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
