package org.jekafo.app.orgunit;

import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A local unit moved from one region to another, over GraphQL, as the bureau: the unit is created in region
 * {@code from} (after {@link #beforeCreation}), three members are registered there (two women, one man), it is moved to
 * region {@code to} (between {@link #beforeMove} and {@link #afterMove}), then a woman is registered in it and the
 * first member suspended — what the figures and the audit trail must put under {@code from} before the move and under
 * {@code to} after it.
 */
public final class MovedUnitScenario {

    /** Global ids of the two regions and of the moved unit. */
    public final String from;
    public final String to;
    public final String unit;
    public final Instant beforeCreation;
    public final Instant beforeMove;
    public final Instant afterMove;
    /** Global ids of the members registered before the move: the first is suspended after it. */
    public final List<String> registeredBefore = new ArrayList<>();
    /** Global id of the member registered after the move. */
    public final String registeredAfter;

    public MovedUnitScenario(TestApi bureau, String fromRegion, String toRegion) {
        from = bureau.unitId(fromRegion);
        to = bureau.unitId(toRegion);
        beforeCreation = Instant.now();
        String code = TestData.unitCode(fromRegion);
        unit = bureau.run("createOrgUnit", "input", Map.of("code", code, "name", "Unité " + code, "level", "LOCAL",
                "parentId", from)).data("createOrgUnit.orgUnit.id");
        for (String gender : List.of("F", "F", "M")) {
            registeredBefore.add(register(bureau, gender));
        }
        beforeMove = Instant.now();
        bureau.run("moveOrgUnit", "input", Map.of("orgUnitId", unit, "newParentId", to)).data("moveOrgUnit");
        afterMove = Instant.now();
        registeredAfter = register(bureau, "F");
        bureau.mutateMember("suspendMember", Map.of("memberId", registeredBefore.get(0), "reason", "Cotisations"));
    }

    /** Registers a member of its own name in the unit; returns their global id. */
    private String register(TestApi bureau, String gender) {
        return (String) bureau.register(TestApi.registration("Rattache" + TestData.suffix(), "Awa", gender, unit))
                .get("id");
    }
}
