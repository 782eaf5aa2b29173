package org.jekafo.app.membership;

import org.jekafo.api.common.TextFolding;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.jekafo.app.TestApi.assertRefused;

/**
 * Searching, paging and counting members. Twelve members share a family name no other test uses, in two
 * regions (Sikasso, Mopti); every query below is restricted to them by that name, so its expected answer is
 * computed from the table {@link #PEOPLE}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberQueriesTest extends IntegrationTest {

    record Person(String firstName, String gender, String unit, List<String> trades, int birthYear,
                  LocalDate enrolledOn, String status) {
        String region() {
            return unit.substring(0, 2);
        }
    }

    private static final List<Person> PEOPLE = List.of(
            new Person("Aïssata", "F", "SK-01", List.of("TEINTURE"), 1970, LocalDate.of(2018, 3, 1), "ACTIVE"),
            new Person("Djénéba", "F", "SK-01", List.of("TISSAGE", "TEINTURE"), 1975, LocalDate.of(2019, 5, 10), "ACTIVE"),
            new Person("Oumar", "M", "SK-02", List.of("FORGE"), 1980, LocalDate.of(2019, 11, 20), "SUSPENDED"),
            new Person("Sékou", "M", "SK-02", List.of("MECANIQUE"), 1985, LocalDate.of(2020, 1, 15), "ACTIVE"),
            new Person("Maïmouna", "F", "SK-03", List.of("COUTURE"), 1990, LocalDate.of(2020, 6, 30), "ACTIVE"),
            new Person("Bréhima", "M", "SK-03", List.of("FORGE", "SOUDURE"), 1995, LocalDate.of(2021, 2, 1), "RESIGNED"),
            new Person("Fatoumata", "F", "MP-01", List.of("TEINTURE"), 1972, LocalDate.of(2017, 9, 9), "ACTIVE"),
            new Person("Moussa", "M", "MP-01", List.of("MENUISERIE"), 1978, LocalDate.of(2018, 12, 31), "ACTIVE"),
            new Person("Kadiatou", "F", "MP-02", List.of("POTERIE"), 1988, LocalDate.of(2022, 4, 4), "ACTIVE"),
            new Person("Salif", "M", "MP-02", List.of("FORGE"), 1992, LocalDate.of(2022, 8, 15), "SUSPENDED"),
            new Person("Hawa", "F", "MP-04", List.of("COUTURE", "BRODERIE"), 2000, LocalDate.of(2023, 1, 10), "ACTIVE"),
            new Person("Assétou", "F", "SK-01", List.of("BIJOUTERIE"), 2003, LocalDate.of(2024, 7, 1), "ACTIVE"));

    /** Reference names of the units and trades used, as the counts must label them. */
    private static final Map<String, String> UNIT_NAMES = Map.of("SK", "Sikasso", "MP", "Mopti",
            "SK-01", "Sikasso", "SK-02", "Bougouni", "SK-03", "Kadiolo", "MP-01", "Mopti", "MP-02", "Bandiagara",
            "MP-04", "Djenné");
    private static final Map<String, String> TRADE_LABELS = Map.of("TEINTURE", "Teinture (bogolan, indigo)",
            "TISSAGE", "Tissage", "FORGE", "Forge", "MECANIQUE", "Mécanique", "COUTURE", "Couture",
            "SOUDURE", "Soudure", "MENUISERIE", "Menuiserie", "POTERIE", "Poterie", "BRODERIE", "Broderie",
            "BIJOUTERIE", "Bijouterie");
    private static final Map<String, String> STATUS_LABELS = Map.of("ACTIVE", "Actifs", "SUSPENDED", "Suspendus",
            "RESIGNED", "Démissionnaires");

    TestApi api;
    final String lastName = "Sangaré" + TestData.suffix();
    final Map<String, Map<String, Object>> registered = new LinkedHashMap<>();
    final Map<String, String> unitIds = new HashMap<>();

    @BeforeAll
    void registerTwelveMembers() {
        api = connect();
        for (String code : UNIT_NAMES.keySet()) {
            unitIds.put(code, api.unitId(code));
        }
        for (Person person : PEOPLE) {
            Map<String, Object> input = TestApi.registration(lastName, person.firstName(), person.gender(),
                    unitIds.get(person.unit()));
            input.put("trades", person.trades());
            input.put("birthYear", person.birthYear());
            input.put("enrolledOn", person.enrolledOn().toString());
            Map<String, Object> member = api.register(input);
            String id = (String) member.get("id");
            member = switch (person.status()) {
                case "SUSPENDED" -> api.mutateMember("suspendMember", Map.of("memberId", id, "reason", "Enquête"));
                case "RESIGNED" -> api.mutateMember("recordMemberResignation", Map.of("memberId", id));
                default -> member;
            };
            registered.put(person.firstName(), member);
        }
    }

    @Test
    void regionFilterTakesTheWholeRegionalSubtree() {
        assertFinds(Map.of("orgUnitId", unitIds.get("SK")), p -> p.region().equals("SK"));
    }

    @Test
    void localUnitFilterTakesOnlyThatUnit() {
        assertFinds(Map.of("orgUnitId", unitIds.get("MP-02")), p -> p.unit().equals("MP-02"));
    }

    @Test
    void genderFilterKeepsOneGender() {
        assertFinds(Map.of("gender", "F"), p -> p.gender().equals("F"));
    }

    @Test
    void tradeFilterKeepsEveryoneExercisingTheTrade() {
        assertFinds(Map.of("trade", "FORGE"), p -> p.trades().contains("FORGE"));
    }

    @Test
    void statusFilterKeepsOneStatus() {
        assertFinds(Map.of("status", "SUSPENDED"), p -> p.status().equals("SUSPENDED"));
    }

    @Test
    void birthYearRangeIncludesBothBounds() {
        assertFinds(Map.of("birthYearFrom", 1980, "birthYearTo", 1992),
                p -> p.birthYear() >= 1980 && p.birthYear() <= 1992);
    }

    @Test
    void enrolmentDateRangeIncludesBothBounds() {
        LocalDate from = LocalDate.of(2019, 5, 10);
        LocalDate to = LocalDate.of(2021, 2, 1);
        assertFinds(Map.of("enrolledFrom", from.toString(), "enrolledTo", to.toString()),
                p -> !p.enrolledOn().isBefore(from) && !p.enrolledOn().isAfter(to));
    }

    @Test
    void nameSearchIgnoresAccentsCaseAndWordOrder() {
        String unaccented = TextFolding.fold(lastName).toUpperCase();

        List<Map<String, Object>> found = api.memberList(Map.of("name", "djeneba " + unaccented));

        assertThat(found).extracting(m -> m.get("firstName")).containsExactly("Djénéba");
    }

    @Test
    void phoneIsFoundHoweverItIsTyped() {
        Map<String, Object> hawa = registered.get("Hawa");
        String phone = (String) hawa.get("phone");

        List<Map<String, Object>> spaced = api.memberList(Map.of("phone", TestData.spaced(phone)));
        List<Map<String, Object>> international = api.memberList(Map.of("phone", TestData.withDoubleZero(phone)));

        assertThat(spaced).extracting(m -> m.get("id")).containsExactly(hawa.get("id"));
        assertThat(international).extracting(m -> m.get("id")).containsExactly(hawa.get("id"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void pagesOfFiveReturnEveryMemberOnceInNameOrder() {
        List<Object> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        List<Boolean> hasNext = new ArrayList<>();
        List<Boolean> hasPrevious = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> page = api.members(Map.of("name", lastName), 5, after);
            List<Map<String, Object>> edges = (List<Map<String, Object>>) page.get("edges");
            Map<String, Object> pageInfo = (Map<String, Object>) page.get("pageInfo");
            assertThat(page.get("totalCount")).isEqualTo(PEOPLE.size());
            edges.forEach(edge -> seen.add(((Map<String, Object>) edge.get("node")).get("id")));
            pageSizes.add(edges.size());
            hasNext.add((Boolean) pageInfo.get("hasNextPage"));
            hasPrevious.add((Boolean) pageInfo.get("hasPreviousPage"));
            assertThat(pageInfo.get("startCursor")).isEqualTo(edges.get(0).get("cursor"));
            assertThat(pageInfo.get("endCursor")).isEqualTo(edges.get(edges.size() - 1).get("cursor"));
            after = (String) pageInfo.get("endCursor");
            assertThat(pageSizes).as("pages so far").hasSizeLessThanOrEqualTo(3);
        } while (hasNext.get(hasNext.size() - 1));

        assertThat(pageSizes).containsExactly(5, 5, 2);
        assertThat(hasNext).containsExactly(true, true, false);
        assertThat(hasPrevious).containsExactly(false, true, true);
        assertThat(seen).containsExactlyElementsOf(PEOPLE.stream().map(Person::firstName)
                .sorted(Comparator.comparing(TextFolding::fold)).map(name -> registered.get(name).get("id")).toList());
    }

    @Test
    void garbageCursorIsRefusedAsInvalidCursor() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", Map.of("name", lastName));
        variables.put("first", 5);
        variables.put("after", "not a cursor!");

        assertRefused(api.run("members", variables).singleError(), "INVALID_CURSOR", "after");
    }

    @Test
    void countsAreBrokenDownByGenderRegionLocalUnitTradeAndStatus() {
        Map<String, Object> counts = api.memberCounts(Map.of("name", lastName));

        assertThat(counts.get("total")).isEqualTo(PEOPLE.size());
        assertBuckets(counts, "byGender", p -> List.of(p.gender()), g -> g, g -> g.equals("F") ? "Femmes" : "Hommes");
        assertBuckets(counts, "byRegion", p -> List.of(p.region()), unitIds::get, UNIT_NAMES::get);
        assertBuckets(counts, "byLocalUnit", p -> List.of(p.unit()), unitIds::get, UNIT_NAMES::get);
        assertBuckets(counts, "byTrade", Person::trades, t -> t, TRADE_LABELS::get);
        assertBuckets(counts, "byStatus", p -> List.of(p.status()), s -> s, STATUS_LABELS::get);
    }

    @Test
    void memberIsFoundByCardNumberAndById() {
        Map<String, Object> aissata = registered.get("Aïssata");

        Map<String, Object> byCard = api.memberByCard((String) aissata.get("cardNumber"));
        Map<String, Object> byId = api.member((String) aissata.get("id"));

        assertThat(byCard).isEqualTo(aissata);
        assertThat(byId).isEqualTo(aissata);
        assertThat(api.memberByCard("ZZ-999999")).isNull();
    }

    // --- helpers ---

    /** Members of this test matching {@code filter} are exactly the people {@code expected} selects. */
    private void assertFinds(Map<String, Object> filter, Predicate<Person> expected) {
        Map<String, Object> withName = new HashMap<>(filter);
        withName.put("name", lastName);

        List<Map<String, Object>> found = api.memberList(withName);

        Set<String> expectedNames = PEOPLE.stream().filter(expected).map(Person::firstName).collect(Collectors.toSet());
        assertThat(expectedNames).as("a filter that selects some but not all").isNotEmpty().hasSizeLessThan(PEOPLE.size());
        assertThat(found).extracting(m -> (String) m.get("firstName")).containsExactlyInAnyOrderElementsOf(expectedNames);
        assertThat(api.count(withName)).isEqualTo(expectedNames.size());
    }

    @SuppressWarnings("unchecked")
    private static void assertBuckets(Map<String, Object> counts, String breakdown,
                                      Function<Person, List<String>> valuesOf, Function<String, String> keyOf,
                                      Function<String, String> labelOf) {
        Map<String, Long> expected = PEOPLE.stream().flatMap(p -> valuesOf.apply(p).stream())
                .collect(Collectors.groupingBy(v -> v, Collectors.counting()));
        List<Map<String, Object>> buckets = (List<Map<String, Object>>) counts.get(breakdown);
        assertThat(buckets).as(breakdown).extracting(b -> b.get("key"), b -> b.get("label"),
                        b -> ((Number) b.get("count")).longValue())
                .containsExactlyInAnyOrderElementsOf(expected.entrySet().stream()
                        .map(e -> tuple(keyOf.apply(e.getKey()), labelOf.apply(e.getKey()), e.getValue())).toList());
    }
}
