package org.jekafo.app.figures;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.jekafo.api.membership.MemberDeathRecordedEvent;
import org.jekafo.api.membership.MemberIdentityCorrectedEvent;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberReinstatedEvent;
import org.jekafo.api.membership.MemberResignedEvent;
import org.jekafo.api.membership.MemberSuspendedEvent;
import org.jekafo.api.membership.MemberTradesChangedEvent;
import org.jekafo.api.membership.MemberTransferredEvent;
import org.jekafo.api.membership.MembershipAggregates;
import org.jekafo.api.orgunit.OrgUnitAggregates;
import org.jekafo.api.orgunit.OrgUnitCreatedEvent;
import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.api.orgunit.OrgUnitMovedEvent;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.jekafo.app.consultation.ConsultationScenario;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jekafo.app.TestApi.assertRefused;

/**
 * Figures as of any date and indicators, end to end. The figures at a date are checked against a replay of the
 * event store made here, independently of the projections: every member and unit event read from the store, each
 * member's status, gender, local unit and trades folded up to the date, and the tree (each unit's level and parent)
 * folded up to the same date, then counted — by region of that tree too — at each event of six members of two fresh
 * units (just before it and at its time) through a transfer, a suspension and reinstatement, a resignation, a death,
 * an erasure and a change of trades, for each unit, their region as it stood then and the whole federation.
 */
class FiguresAsOfTest extends IntegrationTest {

    @Autowired
    EventStore eventStore;

    TestApi api;

    @BeforeEach
    void connectAsTheBureau() {
        api = connect();
    }

    /** A member as the replay folds it. */
    private static final class Held {
        String status = "ACTIVE";
        String gender;
        String unit;
        List<String> trades;
    }

    /** A member or unit event of the store: whose, when, what. */
    private record Stored(String aggregateId, Instant at, Object payload) {
    }

    /** A unit as the replay folds it. */
    private record Unit(OrgUnitLevel level, String parentId) {
    }

    /** Every member and unit event of the store, in the store's order, read from the store itself. */
    private List<Stored> storedEvents() {
        List<Stored> events = new ArrayList<>();
        // up to the head as it is now; Axon Server's stream delivers asynchronously, so wait for each next event
        // (briefly: the head is reached when an event's token covers it, or nothing more comes)
        TrackingToken head = eventStore.createHeadToken();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (event instanceof DomainEventMessage<?> domain
                        && (MembershipAggregates.MEMBER.equals(domain.getType())
                        || OrgUnitAggregates.ORG_UNIT.equals(domain.getType()))) {
                    events.add(new Stored(domain.getAggregateIdentifier(), domain.getTimestamp(), domain.getPayload()));
                }
                if (head != null && event.trackingToken().covers(head)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return events;
    }

    /** The members as the events up to {@code at} left them. */
    private static Map<String, Held> replay(List<Stored> events, Instant at) {
        Map<String, Held> members = new HashMap<>();
        for (Stored event : events) {
            if (event.at().isAfter(at)) {
                continue;
            }
            Held held = members.get(event.aggregateId());
            Object payload = event.payload();
            if (payload instanceof MemberRegisteredEvent e) {
                Held registered = new Held();
                registered.gender = e.gender().name();
                registered.unit = e.localUnitId();
                registered.trades = e.trades();
                members.put(e.memberId(), registered);
            } else if (payload instanceof MemberTransferredEvent e) {
                held.unit = e.toLocalUnitId();
            } else if (payload instanceof MemberSuspendedEvent) {
                held.status = "SUSPENDED";
            } else if (payload instanceof MemberReinstatedEvent) {
                held.status = "ACTIVE";
            } else if (payload instanceof MemberResignedEvent) {
                held.status = "RESIGNED";
            } else if (payload instanceof MemberDeathRecordedEvent) {
                held.status = "DECEASED";
            } else if (payload instanceof MemberTradesChangedEvent e) {
                held.trades = e.trades();
            } else if (payload instanceof MemberIdentityCorrectedEvent e) {
                held.gender = e.gender().name();
            }
        }
        return members;
    }

    /** The tree as the unit events up to {@code at} left it: each unit's level and parent. */
    private static Map<String, Unit> tree(List<Stored> events, Instant at) {
        Map<String, Unit> units = new HashMap<>();
        for (Stored event : events) {
            if (event.at().isAfter(at)) {
                continue;
            }
            if (event.payload() instanceof OrgUnitCreatedEvent e) {
                units.put(e.orgUnitId(), new Unit(e.level(), e.parentId()));
            } else if (event.payload() instanceof OrgUnitMovedEvent e) {
                units.put(e.orgUnitId(), new Unit(units.get(e.orgUnitId()).level(), e.newParentId()));
            }
        }
        return units;
    }

    /** The unit itself if a region, else the region above it in {@code tree}; null when none. */
    private static String regionOf(Map<String, Unit> tree, String unitId) {
        return pathToRoot(tree, unitId).stream().filter(id -> tree.get(id).level() == OrgUnitLevel.REGIONAL)
                .findFirst().orElse(null);
    }

    /** The local units under {@code unitId} (itself included) in {@code tree}, by identifier. */
    private static Set<String> localUnitsUnder(Map<String, Unit> tree, String unitId) {
        Set<String> under = new TreeSet<>();
        tree.forEach((id, unit) -> {
            if (unit.level() == OrgUnitLevel.LOCAL && pathToRoot(tree, id).contains(unitId)) {
                under.add(id);
            }
        });
        return under;
    }

    /** The unit and every unit above it in {@code tree}. */
    private static List<String> pathToRoot(Map<String, Unit> tree, String unitId) {
        List<String> path = new ArrayList<>();
        for (String id = unitId; id != null && tree.containsKey(id); id = tree.get(id).parentId()) {
            path.add(id);
        }
        return path;
    }

    /**
     * The replay's figures of the members in {@code units} (all when null), each in the region of {@code tree}, in
     * the shape {@link #shown} gives.
     */
    private static Map<String, Map<String, Long>> counted(Collection<Held> members, Set<String> units,
                                                          Map<String, Unit> tree) {
        Map<String, Map<String, Long>> figures = empty();
        for (Held held : members) {
            if (units != null && !units.contains(held.unit)) {
                continue;
            }
            figures.get("total").merge("total", 1L, Long::sum);
            figures.get("byRegion").merge(Objects.toString(regionOf(tree, held.unit), "?"), 1L, Long::sum);
            figures.get("byStatus").merge(held.status, 1L, Long::sum);
            figures.get("byGender").merge(held.gender, 1L, Long::sum);
            figures.get("byLocalUnit").merge(held.unit, 1L, Long::sum);
            figures.get("byStatusAndGender").merge(held.status + "/" + held.gender, 1L, Long::sum);
            held.trades.forEach(trade -> figures.get("byTrade").merge(trade, 1L, Long::sum));
        }
        return figures;
    }

    private static Map<String, Map<String, Long>> empty() {
        Map<String, Map<String, Long>> figures = new LinkedHashMap<>();
        List.of("total", "byStatus", "byGender", "byRegion", "byLocalUnit", "byStatusAndGender", "byTrade")
                .forEach(name -> figures.put(name, new TreeMap<>()));
        return figures;
    }

    /** What {@code memberCountsAsOf} answers, in the replay's shape (units by identifier). */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Long>> shown(Map<String, Object> answer) {
        Map<String, Map<String, Long>> figures = empty();
        long total = ((Number) answer.get("total")).longValue();
        if (total > 0) {
            figures.get("total").put("total", total);
        }
        for (String name : List.of("byStatus", "byGender", "byRegion", "byLocalUnit", "byTrade")) {
            ((List<Map<String, Object>>) answer.get(name)).forEach(cell -> figures.get(name).put(
                    name.equals("byRegion") || name.equals("byLocalUnit") ? TestApi.identifierOf(cell.get("key"))
                            : (String) cell.get("key"),
                    ((Number) cell.get("count")).longValue()));
        }
        ((List<Map<String, Object>>) answer.get("byStatusAndGender")).forEach(cell -> figures.get("byStatusAndGender")
                .put(cell.get("status") + "/" + cell.get("gender"), ((Number) cell.get("count")).longValue()));
        return figures;
    }

    static Map<String, Object> countsAsOf(TestApi caller, String unit, Instant at) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("orgUnitId", unit);
        variables.put("at", at.toString());
        return caller.run("memberCountsAsOf", variables).data("memberCountsAsOf");
    }

    private String localUnit(String region) {
        String code = TestData.unitCode(region);
        return api.run("createOrgUnit", "input", Map.of("code", code, "name", "Unité " + code, "level", "LOCAL",
                "parentId", api.unitId(region))).data("createOrgUnit.orgUnit.id");
    }

    private String member(String gender, String unit, String trade) {
        Map<String, Object> input = new HashMap<>(TestApi.registration("Effectif" + TestData.suffix(), "Awa", gender,
                unit));
        input.put("trades", List.of(trade));
        return (String) api.register(input).get("id");
    }

    /** Six members of a fresh unit of Kayes through every change that moves a figure; the unit and its twin. */
    private List<String> sixMembersThroughEveryChange(String one, String two) {
        String transferred = member("F", one, "TEINTURE");
        String suspended = member("M", one, "FORGE");
        String resigned = member("F", one, "COUTURE");
        String deceased = member("M", one, "FORGE");
        String erased = member("F", one, "TEINTURE");
        String retrained = member("M", one, "COUTURE");
        api.mutateMember("transferMember", Map.of("memberId", transferred, "toLocalUnitId", two));
        api.mutateMember("suspendMember", Map.of("memberId", suspended, "reason", "Cotisations"));
        api.mutateMember("recordMemberResignation", Map.of("memberId", resigned, "reason", "Départ"));
        api.mutateMember("recordMemberDeath", Map.of("memberId", deceased));
        api.mutateMember("reinstateMember", Map.of("memberId", suspended, "reason", "Régularisé"));
        api.run("erasePersonalData", "input", Map.of("memberId", erased, "reason", "Demande de la personne"))
                .data("erasePersonalData");
        api.mutateMember("changeMemberTrades", Map.of("memberId", retrained, "trades", List.of("FORGE", "COUTURE")));
        return List.of(transferred, suspended, resigned, deceased, erased, retrained);
    }

    @Test
    void figuresAsOfEachChangeEqualAReplayOfTheEventStoreUpToThatDate() {
        String one = localUnit("KY");
        String two = localUnit("KY");
        List<String> members = sixMembersThroughEveryChange(one, two).stream().map(TestApi::identifierOf).toList();
        api.awaitProjectionsCaughtUp();
        List<Stored> events = storedEvents();
        Set<Instant> dates = new TreeSet<>();
        events.stream().filter(e -> members.contains(e.aggregateId())).forEach(e -> {
            dates.add(e.at());
            dates.add(e.at().minusNanos(1));
        });
        List<String> scopes = new ArrayList<>(List.of(one, two, api.unitId("KY")));
        scopes.add(null);

        assertThat(dates).hasSize(2 * (6 + 7));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (Instant date : dates) {
                Map<String, Held> replayed = replay(events, date);
                Map<String, Unit> tree = tree(events, date);
                for (String scope : scopes) {
                    assertThat(shown(countsAsOf(api, scope, date)))
                            .as("as of %s in %s", date, scope)
                            .isEqualTo(counted(replayed.values(),
                                    scope == null ? null : localUnitsUnder(tree, TestApi.identifierOf(scope)), tree));
                }
            }
        });
        Instant last = dates.stream().max(Instant::compareTo).orElseThrow();
        assertThat(shown(countsAsOf(api, one, last)).get("byGender")).as("the erased member still counts, as a woman")
                .isEqualTo(Map.of("F", 2L, "M", 3L));
        printLatencies(List.copyOf(dates), events.size());
    }

    /**
     * Prints (asserts nothing on time) the latency of figures as of a date over GraphQL, interleaved with today's
     * {@code memberCounts} so that both meet the same load: the whole federation, a date among {@code dates} each time.
     */
    private void printLatencies(List<Instant> dates, int events) {
        int rounds = 60;
        long[] asOf = new long[rounds];
        long[] today = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            countsAsOf(api, null, dates.get(i % dates.size()));
            asOf[i] = System.nanoTime() - start;
            start = System.nanoTime();
            api.memberCounts(Map.of());
            today[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(asOf);
        java.util.Arrays.sort(today);
        System.out.printf("Latency over GraphQL, whole federation, %d member events in the store, %d rounds: "
                        + "memberCountsAsOf p50 %.1f ms p95 %.1f ms max %.1f ms; memberCounts p50 %.1f ms p95 %.1f ms "
                        + "max %.1f ms%n", events, rounds, asOf[rounds / 2] / 1e6, asOf[rounds * 95 / 100] / 1e6,
                asOf[rounds - 1] / 1e6, today[rounds / 2] / 1e6, today[rounds * 95 / 100] / 1e6,
                today[rounds - 1] / 1e6);
    }

    @Test
    @SuppressWarnings("unchecked")
    void indicatorsOfAMonthCountMembersAtItsEndRegistrationsInItAndTheConsultationsTalliedInIt() {
        String one = localUnit("KY");
        String two = localUnit("KY");
        sixMembersThroughEveryChange(one, two);
        ConsultationScenario scenario = new ConsultationScenario(api, List.of("F", "F", "M", "M"));
        String consultation = scenario.open(ConsultationScenario.plan(scenario.unitId, "OPEN", 0));
        for (int voter : List.of(0, 2)) {
            scenario.cast(scenario.member(voter), ConsultationScenario.ballot(consultation,
                    scenario.members.get(voter), List.of(ConsultationScenario.choose("Q1", "Q1-A")))).data("castBallot");
        }
        api.runText(ConsultationScenario.CLOSE, Map.of("input", Map.of("consultationId", consultation,
                "reason", "Assemblée"))).data("closeConsultation");
        scenario.awaitStatus(consultation, "TALLIED");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String month = today.withDayOfMonth(1).toString();

        Map<String, Object> first = await().atMost(Duration.ofSeconds(30)).until(() -> point(api, one, today),
                point -> Integer.valueOf(6).equals(point.get("registrations")));
        Map<String, Object> second = point(api, two, today);
        Map<String, Object> voted = point(api, scenario.unitId, today);

        assertThat(first).containsEntry("start", month).containsEntry("members", 3).containsEntry("women", 1)
                .containsEntry("womenShare", 33.3).containsEntry("registeredWomen", 3)
                .containsEntry("registeredWomenShare", 50.0).containsEntry("consultationsHeld", 0)
                .containsEntry("suppressed", false);
        assertThat(second).containsEntry("members", 1).containsEntry("women", 1).containsEntry("registrations", 0);
        assertThat(voted).containsEntry("members", 4).containsEntry("registrations", 4)
                .containsEntry("consultationsHeld", 1).containsEntry("eligible", 4).containsEntry("eligibleWomen", 2)
                .containsEntry("eligibleWomenShare", 50.0).containsEntry("voters", 2).containsEntry("womenVoters", 1)
                .containsEntry("womenVotersShare", 50.0).containsEntry("turnout", 50.0);
    }

    /** The point of the month of {@code day}, in a series of three months. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> point(TestApi caller, String unit, LocalDate day) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("orgUnitId", unit);
        variables.put("from", day.minusMonths(2).toString());
        variables.put("to", day.toString());
        variables.put("interval", "MONTH");
        List<Map<String, Object>> points = caller.run("indicators", variables).data("indicators.points");
        assertThat(points).hasSize(3);
        return points.get(2);
    }

    @Test
    void anAuditorSeesSmallFiguresSuppressedAndAnOfficerOnlyWithinTheirSection() {
        String one = localUnit("SG");
        member("F", one, "TEINTURE");
        member("F", one, "TEINTURE");
        member("M", one, "FORGE");
        Instant now = Instant.now();
        await().atMost(Duration.ofSeconds(30)).until(() -> countsAsOf(api, one, now).get("total"),
                total -> Integer.valueOf(3).equals(total));
        TestApi officer = api.as(TestApi.SEGOU_OFFICER);
        TestApi auditor = api.as(TestApi.AUDITOR);

        Map<String, Object> audited = countsAsOf(auditor, one, now);
        Map<String, Object> byOfficer = countsAsOf(officer, one, now);
        Map<String, Object> auditedPoint = point(auditor, one, LocalDate.now(ZoneOffset.UTC));

        assertThat(audited).containsEntry("total", null).containsEntry("totalSuppressed", true);
        assertThat(audited.toString()).doesNotContain("count=3").doesNotContain("count=2").doesNotContain("count=1");
        assertThat(byOfficer).containsEntry("total", 3);
        assertThat(auditedPoint).containsEntry("members", null).containsEntry("womenShare", null)
                .containsEntry("suppressed", true);
        Map<String, Object> variables = new HashMap<>();
        variables.put("orgUnitId", api.unitId("KY"));
        variables.put("at", now.toString());
        assertRefused(officer.run("memberCountsAsOf", variables).singleError(), "FORBIDDEN", "orgUnitId");
        assertThat(api.as(new ActingPrincipal("membre-" + TestData.suffix(), Role.MEMBER, null, "m-x"))
                .run("memberCountsAsOf", variables).singleError().getExtensions()).containsEntry("code", "FORBIDDEN");
    }

    @Test
    void aRebuiltPeriodProjectionGivesTheSameFiguresAtEveryDate() {
        String one = localUnit("SG");
        String two = localUnit("SG");
        List<String> members = sixMembersThroughEveryChange(one, two).stream().map(TestApi::identifierOf).toList();
        api.awaitProjectionsCaughtUp();
        List<Instant> dates = storedEvents().stream().filter(e -> members.contains(e.aggregateId()))
                .map(Stored::at).toList();
        Map<Instant, Map<String, Object>> before = new LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> countsAsOf(api, api.unitId("SG"), dates.get(dates.size() - 1))
                .get("byLocalUnit").toString().contains(two));
        dates.forEach(date -> before.put(date, countsAsOf(api, null, date)));

        Map<String, Object> rebuilt = api.as(TestApi.OPERATOR).run("rebuildProjection", "input",
                Map.of("name", "member-period-projection", "awaitCompletion", true)).data("rebuildProjection.projection");

        assertThat(rebuilt).containsEntry("rebuilding", false);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> dates.forEach(date ->
                assertThat(countsAsOf(api, null, date)).as("as of %s", date).isEqualTo(before.get(date))));
    }

    @Test
    void aSeriesEndingBeforeItStartsIsRefused() {
        Map<String, Object> variables = Map.of("from", "2025-05-01", "to", "2025-04-01", "interval", "MONTH");

        assertRefused(api.run("indicators", variables).singleError(), "INVALID_INPUT", "to");
    }
}
