package org.jekafo.app.orgunit;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.ResponseError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.jekafo.app.TestApi.assertRefused;

/**
 * The federation's tree: the reference layout loaded at start, and local units created, renamed, moved and
 * closed through GraphQL. Units this test creates have codes {@code XX-ABCDEF} (letters after the dash), so
 * they are never mistaken for the reference units ({@code XX-01}).
 */
class OrgUnitTest extends IntegrationTest {

    TestApi api;

    @BeforeEach
    void setUp() {
        api = connect();
    }

    @Test
    void referenceTreeIsLoadedAtStart() throws IOException {
        List<List<String>> rows = referenceRows();
        Map<String, Map<String, Object>> byCode = new HashMap<>();
        units(null, null, true).forEach(u -> byCode.put((String) u.get("code"), u));

        List<Map<String, Object>> national = units("NATIONAL", null, false);
        List<Map<String, Object>> regional = units("REGIONAL", null, false);
        List<Map<String, Object>> local = reference(units("LOCAL", null, false));

        assertThat(national).extracting(u -> u.get("code"), u -> u.get("parent"))
                .containsExactly(tuple("FNAM", null));
        assertThat(regional).extracting(u -> u.get("code"))
                .containsExactly("BK", "GA", "KD", "KK", "KY", "MP", "SG", "SK", "TB");
        assertThat(local).hasSize((int) rows.stream().filter(r -> r.get(0).equals("LOCAL")).count());
        assertThat(rows).allSatisfy(row -> {
            Map<String, Object> unit = byCode.get(row.get(1));
            assertThat(unit).as("unit %s", row.get(1)).isNotNull()
                    .containsEntry("level", row.get(0)).containsEntry("name", row.get(2))
                    .containsEntry("closed", false);
            if (row.get(3).isEmpty()) {
                assertThat(unit.get("parent")).isNull();
            } else {
                assertThat(parentCode(unit)).isEqualTo(row.get(3));
            }
        });
        assertThat(reference(units("LOCAL", api.unitId("MP"), false))).extracting(u -> u.get("code"))
                .containsExactly("MP-01", "MP-02", "MP-03", "MP-04", "MP-05", "MP-06", "MP-07", "MP-08");
    }

    /** The reference file holds 55 local units (49 cercles and 6 Bamako communes), not the 60 DESIGN.md rounds to. */
    @Test
    void referenceTreeHasTheFiftyFiveLocalUnitsOfTheReferenceFile() {
        assertThat(reference(units("LOCAL", null, true))).hasSize(55);
    }

    @Test
    void localUnitIsCreatedUnderARegion() {
        String code = TestData.unitCode("SG");
        String name = "Coordination de Markala " + TestData.suffix();

        Map<String, Object> unit = create(code, name, "LOCAL", api.unitId("SG"));

        assertThat(unit).containsEntry("code", code).containsEntry("name", name).containsEntry("level", "LOCAL")
                .containsEntry("closed", false).containsEntry("version", 0).containsEntry("children", List.of());
        assertThat(parentCode(unit)).isEqualTo("SG");
        assertThat(orgUnit(Map.of("code", code))).isEqualTo(unit);
        assertThat(units(null, api.unitId("SG"), false)).extracting(u -> u.get("id")).contains(unit.get("id"));
        assertThat((List<Object>) orgUnit(Map.of("code", "SG")).get("children"))
                .contains(Map.of("id", unit.get("id"), "code", code));
    }

    @Test
    void renamedUnitShowsItsNewName() {
        Map<String, Object> unit = create(TestData.unitCode("SG"), "Coordination " + TestData.suffix(), "LOCAL", api.unitId("SG"));
        String newName = "Coordination de Sansanding " + TestData.suffix();

        Map<String, Object> renamed = mutate("renameOrgUnit", Map.of("orgUnitId", unit.get("id"), "name", newName));

        assertThat(renamed).containsEntry("name", newName).containsEntry("version", 1)
                .containsEntry("code", unit.get("code"));
        assertThat(orgUnit(Map.of("id", unit.get("id")))).isEqualTo(renamed);
    }

    @Test
    void membersOfAMovedUnitAreCountedUnderItsNewRegion() {
        Map<String, Object> unit = create(TestData.unitCode("SG"), "Coordination " + TestData.suffix(), "LOCAL", api.unitId("SG"));
        String lastName = "Tangara" + TestData.suffix();
        api.register(TestApi.registration(lastName, "Ami", "F", (String) unit.get("id")));
        api.register(TestApi.registration(lastName, "Bakary", "M", (String) unit.get("id")));

        Map<String, Object> moved = mutate("moveOrgUnit", Map.of("orgUnitId", unit.get("id"),
                "newParentId", api.unitId("MP")));

        assertThat(parentCode(moved)).isEqualTo("MP");
        assertThat(moved).containsEntry("version", 1);
        Map<String, Object> underMopti = api.memberCounts(Map.of("orgUnitId", api.unitId("MP"), "name", lastName));
        assertThat(underMopti.get("total")).isEqualTo(2);
        assertThat((List<Object>) underMopti.get("byRegion"))
                .containsExactly(Map.of("key", api.unitId("MP"), "label", "Mopti", "count", 2));
        assertThat(api.memberCounts(Map.of("orgUnitId", api.unitId("SG"), "name", lastName)).get("total"))
                .isEqualTo(0);
        assertThat(api.memberList(Map.of("name", lastName)))
                .allSatisfy(m -> assertThat(m).extracting("region").extracting("code").isEqualTo("MP"));
    }

    @Test
    void unitWithMembersCannotBeClosed() {
        Map<String, Object> unit = create(TestData.unitCode("SG"), "Coordination " + TestData.suffix(), "LOCAL", api.unitId("SG"));
        api.register(TestApi.registration("Coulibaly" + TestData.suffix(), "Modibo", "M", (String) unit.get("id")));
        long head = api.eventStoreHead();

        ResponseError error = api.run("closeOrgUnit", "input", Map.of("orgUnitId", unit.get("id"),
                "reason", "Fusion avec Ségou")).singleError();

        assertRefused(error, "ORG_UNIT_NOT_EMPTY", "orgUnitId");
        assertThat(api.eventStoreHead()).isEqualTo(head);
        assertThat(orgUnit(Map.of("id", unit.get("id")))).containsEntry("closed", false).containsEntry("version", 0);
    }

    @Test
    void unitIsClosedOnceItsMembersAreTransferred() {
        Map<String, Object> unit = create(TestData.unitCode("SG"), "Coordination " + TestData.suffix(), "LOCAL", api.unitId("SG"));
        Map<String, Object> member = api.register(TestApi.registration("Coulibaly" + TestData.suffix(), "Modibo", "M",
                (String) unit.get("id")));
        api.mutateMember("transferMember", Map.of("memberId", member.get("id"), "toLocalUnitId", api.unitId("SG-01")));

        Map<String, Object> closed = mutate("closeOrgUnit", Map.of("orgUnitId", unit.get("id"),
                "reason", "Fusion avec Ségou"));

        assertThat(closed).containsEntry("closed", true).containsEntry("version", 1);
    }

    @Test
    void closedUnitIsListedOnlyWhenClosedUnitsAreIncluded() {
        Map<String, Object> unit = create(TestData.unitCode("SG"), "Coordination " + TestData.suffix(), "LOCAL", api.unitId("SG"));

        mutate("closeOrgUnit", Map.of("orgUnitId", unit.get("id"), "reason", "Jamais ouverte"));

        assertThat(units(null, api.unitId("SG"), false)).extracting(u -> u.get("id")).doesNotContain(unit.get("id"));
        assertThat(units("LOCAL", null, false)).extracting(u -> u.get("id")).doesNotContain(unit.get("id"));
        assertThat(units(null, api.unitId("SG"), true)).filteredOn(u -> u.get("id").equals(unit.get("id")))
                .singleElement().satisfies(u -> assertThat(u).containsEntry("closed", true));
        assertThat((List<Object>) orgUnit(Map.of("code", "SG")).get("children"))
                .doesNotContain(Map.of("id", unit.get("id"), "code", unit.get("code")));
    }

    @Test
    void closedUnitAcceptsNoNewMember() {
        Map<String, Object> unit = create(TestData.unitCode("SG"), "Coordination " + TestData.suffix(), "LOCAL", api.unitId("SG"));
        mutate("closeOrgUnit", Map.of("orgUnitId", unit.get("id"), "reason", "Jamais ouverte"));
        Map<String, Object> registration = TestApi.registration("Coulibaly" + TestData.suffix(), "Modibo", "M",
                (String) unit.get("id"));

        ResponseError error = api.registrationRefusal(registration);

        assertRefused(error, "ORG_UNIT_CLOSED", "localUnitId");
        assertThat(api.count(Map.of("name", registration.get("lastName")))).isZero();
    }

    @Test
    void duplicateCodeIsRefused() {
        long head = api.eventStoreHead();

        ResponseError error = api.run("createOrgUnit", "input", Map.of("code", "SG-01", "name", "Doublon",
                "level", "LOCAL", "parentId", api.unitId("SG"))).singleError();

        assertRefused(error, "DUPLICATE_ORG_UNIT_CODE", "code");
        assertThat(api.eventStoreHead()).isEqualTo(head);
        assertThat(orgUnit(Map.of("code", "SG-01"))).containsEntry("name", "Ségou");
    }

    @Test
    void localUnitDirectlyUnderTheNationalFederationIsRefused() {
        String code = TestData.unitCode("FN");
        long head = api.eventStoreHead();

        ResponseError error = api.run("createOrgUnit", "input", Map.of("code", code, "name", "Coordination nationale",
                "level", "LOCAL", "parentId", api.unitId("FNAM"))).singleError();

        assertRefused(error, "INVALID_PARENT", "parentId");
        assertThat(api.eventStoreHead()).isEqualTo(head);
        assertThat(orgUnit(Map.of("code", code))).isNull();
    }

    // --- helpers ---

    /** The rows of the reference layout the application loads: level, code, name, parent code. */
    private static List<List<String>> referenceRows() throws IOException {
        try (InputStream in = new ClassPathResource("reference/federation-structure.csv").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(line -> !line.isBlank()).map(line -> List.of(line.split(",", -1))).toList();
        }
    }

    /** The units of the reference layout ({@code XX-01}), leaving out those tests create. */
    private static List<Map<String, Object>> reference(List<Map<String, Object>> units) {
        return units.stream().filter(u -> u.get("code").toString().matches("[A-Z]{2}-\\d{2}")).toList();
    }

    private Map<String, Object> create(String code, String name, String level, String parentId) {
        Map<String, Object> input = new HashMap<>();
        input.put("code", code);
        input.put("name", name);
        input.put("level", level);
        input.put("parentId", parentId);
        return mutate("createOrgUnit", input);
    }

    private Map<String, Object> mutate(String mutation, Map<String, Object> input) {
        return api.run(mutation, "input", input).data(mutation + ".orgUnit");
    }

    private Map<String, Object> orgUnit(Map<String, Object> idOrCode) {
        return api.run("orgUnit", idOrCode).data("orgUnit");
    }

    private List<Map<String, Object>> units(String level, String parentId, boolean includeClosed) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("level", level);
        variables.put("parentId", parentId);
        variables.put("includeClosed", includeClosed);
        return api.run("orgUnits", variables).data("orgUnits");
    }

    @SuppressWarnings("unchecked")
    private static String parentCode(Map<String, Object> unit) {
        return (String) ((Map<String, Object>) unit.get("parent")).get("code");
    }
}
