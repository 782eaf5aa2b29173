package org.jekafo.query.figures;

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
import org.apache.http.message.BasicHeader;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.elasticsearch.client.RestClient;
import org.jekafo.api.common.Gender;
import org.jekafo.api.figures.CountMembersAsOfQuery;
import org.jekafo.api.figures.FindIndicatorsQuery;
import org.jekafo.api.figures.IndicatorInterval;
import org.jekafo.api.membership.MemberDeathRecordedEvent;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberResignedEvent;
import org.jekafo.api.membership.MemberSuspendedEvent;
import org.jekafo.api.membership.MemberTransferredEvent;
import org.jekafo.elasticsearch.local.LocalElasticsearch;
import org.jekafo.query.orgunit.BenchmarkTree;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Figures as of a date at scale (not a test): {@code members} members (default 200,000; 23 % women, 9 regions of
 * 6-7 local units) registered over five years, a third transferred, a tenth suspended, some resigned or deceased,
 * projected into periods by the real projection in batches of 250 members, then {@code memberCountsAsOf}'s query
 * (whole federation and one region, 100 random dates) and a 24-month indicator series timed on the query side.
 * Lives in the projection's package (in the benchmark module) to reach its package-private classes.
 *
 * <pre>java -cp … org.jekafo.query.figures.FiguresBenchmark [members]</pre>
 */
public final class FiguresBenchmark {

    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");
    private static final long SPAN = Duration.ofDays(5 * 365).toSeconds();
    private static final List<String> TRADES = List.of("TEINTURE", "COUTURE", "FORGE", "BIJOUTERIE", "POTERIE");

    private FiguresBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        try (LocalElasticsearch elasticsearch = LocalElasticsearch.builder().build().start()) {
            ElasticsearchClient client = client(elasticsearch);
            BenchmarkTree tree = new BenchmarkTree(client, 9, 7);
            MemberPeriodIndex index = new MemberPeriodIndex(client, Clock.systemUTC());
            index.initialise();
            client.indices().create(c -> c.index(org.jekafo.query.consultation.ConsultationIndex.ALIAS));
            MemberPeriodProjection projection = new MemberPeriodProjection(client, index);
            Random random = new Random(42);
            long events = 0;
            long start = System.nanoTime();
            for (int batch = 0; batch < members; batch += 250) {
                var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
                for (int m = batch; m < Math.min(members, batch + 250); m++) {
                    events += member(projection, "m-" + m, random, tree.locals());
                }
                unitOfWork.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            index.refresh();
            long periods = client.count(c -> c.index(MemberPeriodIndex.ALIAS)).count();
            System.out.printf("projected %,d members, %,d events, %,d periods in %.1f s (%,.0f events/s)%n", members,
                    events, periods, seconds, events / seconds);
            FigureQueries queries = new FigureQueries(client, tree.pastTrees());
            String region = tree.regions().get(3);
            for (int i = 0; i < 20; i++) { // warm-up
                queries.handle(new CountMembersAsOfQuery(null, randomDate(random)));
            }
            time("memberCountsAsOf, whole federation", 100, () -> queries.handle(
                    new CountMembersAsOfQuery(null, randomDate(random))));
            time("memberCountsAsOf, one region", 100, () -> queries.handle(
                    new CountMembersAsOfQuery(region, randomDate(random))));
            time("indicators, one region, 24 months", 20, () -> queries.handle(new FindIndicatorsQuery(region,
                    LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31), IndicatorInterval.MONTH)));
            System.out.println("total members as of 2024-12-31: "
                    + queries.handle(new CountMembersAsOfQuery(null, Instant.parse("2024-12-31T23:59:59Z"))).total());
        }
    }

    /** One member's events; returns how many. */
    private static int member(MemberPeriodProjection projection, String id, Random random, List<String> locals) {
        Instant at = START.plusSeconds((long) (random.nextDouble() * SPAN));
        String unit = locals.get(random.nextInt(locals.size()));
        projection.on(new MemberRegisteredEvent(id, null, "N", "P", random.nextDouble() < 0.23 ? Gender.F : Gender.M,
                1980, null, null, List.of(TRADES.get(random.nextInt(TRADES.size()))), unit, false, null, false), 0, at);
        int sequence = 0;
        if (random.nextDouble() < 0.33) {
            at = at.plusSeconds(random.nextInt(86_400 * 300));
            projection.on(new MemberTransferredEvent(id, unit, locals.get(random.nextInt(locals.size())), null),
                    ++sequence, at);
        }
        if (random.nextDouble() < 0.1) {
            at = at.plusSeconds(random.nextInt(86_400 * 300));
            projection.on(new MemberSuspendedEvent(id, null), ++sequence, at);
        }
        double end = random.nextDouble();
        if (end < 0.05) {
            projection.on(new MemberResignedEvent(id, null, null), ++sequence, at.plusSeconds(86_400 * 30));
        } else if (end < 0.08) {
            projection.on(new MemberDeathRecordedEvent(id, null), ++sequence, at.plusSeconds(86_400 * 60));
        }
        return sequence + 1;
    }

    private static Instant randomDate(Random random) {
        return START.plusSeconds((long) (random.nextDouble() * SPAN * 1.1));
    }

    interface Call {
        void run() throws Exception;
    }

    private static void time(String label, int rounds, Call call) throws Exception {
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d calls)%n", label, nanos[rounds / 2] / 1e6,
                nanos[Math.min(rounds - 1, rounds * 99 / 100)] / 1e6, nanos[rounds - 1] / 1e6, rounds);
    }

    private static ElasticsearchClient client(LocalElasticsearch elasticsearch) {
        RestClient rest = RestClient.builder(HttpHost.create(elasticsearch.url()))
                .setDefaultHeaders(elasticsearch.credentials()
                        .map(c -> new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, c.authorization())})
                        .orElseGet(() -> new Header[0]))
                .build();
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        return new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(mapper)));
    }
}
