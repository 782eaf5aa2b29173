package org.jekafo.app.membership;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.jekafo.app.TestApi.assertRefused;

/**
 * A member's life through the GraphQL mutations: every change answers with the member as the next query sees
 * it, is found by the next search, and is an event of the member's history; refusals are typed errors that
 * change nothing.
 */
class MemberLifecycleTest extends IntegrationTest {

    private static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    TestApi api;

    @BeforeEach
    void setUp() {
        api = connect();
    }

    @Test
    void correctingTheIdentityChangesOnlyTheGivenFields() {
        Map<String, Object> before = registered();
        int birthYear = (Integer) before.get("birthYear");

        Map<String, Object> after = api.mutateMember("correctMemberIdentity", input(before,
                "firstName", "Aïcha", "birthYear", birthYear - 1, "reason", "Erreur de saisie du prénom"));

        assertThat(after).containsEntry("firstName", "Aïcha").containsEntry("birthYear", birthYear - 1)
                .containsEntry("version", 1);
        assertThat(without(after, "firstName", "birthYear", "version", "updatedAt"))
                .isEqualTo(without(before, "firstName", "birthYear", "version", "updatedAt"));
        String lastName = (String) before.get("lastName");
        assertThat(api.memberList(Map.of("name", "aicha " + lastName))).singleElement()
                .satisfies(m -> assertThat(m).isEqualTo(after));
        assertThat(api.count(Map.of("name", lastName + " Fanta"))).isZero();
    }

    @Test
    void changingThePhoneStoresTheNewNumberInE164() {
        Map<String, Object> before = registered();
        String newPhone = TestData.uniquePhone();

        Map<String, Object> after = api.mutateMember("changeMemberPhone",
                input(before, "phone", TestData.withDoubleZero(newPhone)));

        assertThat(after).containsEntry("phone", newPhone).containsEntry("version", 1);
        assertSearchFindsOnly(after, Map.of("name", before.get("lastName"), "phone", TestData.spaced(newPhone)));
        assertThat(api.count(Map.of("name", before.get("lastName"), "phone", before.get("phone")))).isZero();
    }

    @Test
    void changingTheTradesReplacesThem() {
        Map<String, Object> before = registered();

        Map<String, Object> after = api.mutateMember("changeMemberTrades",
                input(before, "trades", List.of("FORGE", "soudure")));

        assertThat(trades(after)).containsExactly(tuple("FORGE", "Forge"), tuple("SOUDURE", "Soudure"));
        assertThat(after).containsEntry("version", 1);
        assertSearchFindsOnly(after, Map.of("name", before.get("lastName"), "trade", "SOUDURE"));
        assertThat(api.count(Map.of("name", before.get("lastName"), "trade", "TEINTURE"))).isZero();
    }

    @Test
    void transferredMemberIsFoundUnderTheNewRegionAndNoLongerUnderTheOldOne() {
        Map<String, Object> before = registered();

        Map<String, Object> after = api.mutateMember("transferMember",
                input(before, "toLocalUnitId", api.unitId("SG-02"), "reason", "Installé à Barouéli"));

        assertThat(after).extracting("localUnit").extracting("code").isEqualTo("SG-02");
        assertThat(after).extracting("region").extracting("code").isEqualTo("SG");
        assertThat(after).containsEntry("version", 1);
        assertSearchFindsOnly(after, Map.of("name", before.get("lastName"), "orgUnitId", api.unitId("SG")));
        assertThat(api.count(Map.of("name", before.get("lastName"), "orgUnitId", api.unitId("KK")))).isZero();
    }

    @Test
    void suspensionWithoutReasonIsRefusedAndChangesNothing() {
        Map<String, Object> member = registered();

        ResponseError error = api.refusal("suspendMember", input(member, "reason", "  "));

        assertRefused(error, "INVALID_INPUT", "reason");
        assertUnchanged(member, 1);
    }

    @Test
    void suspensionRecordsTheStatusAndItsReason() {
        Map<String, Object> member = registered();

        Map<String, Object> after = api.mutateMember("suspendMember",
                input(member, "reason", "Cotisations impayées depuis deux ans"));

        assertThat(after).containsEntry("status", "SUSPENDED")
                .containsEntry("statusReason", "Cotisations impayées depuis deux ans").containsEntry("version", 1);
        assertSearchFindsOnly(after, Map.of("name", member.get("lastName"), "status", "SUSPENDED"));
    }

    @Test
    void reinstatementMakesASuspendedMemberActiveAgain() {
        Map<String, Object> member = registered();
        api.mutateMember("suspendMember", input(member, "reason", "Comportement"));

        Map<String, Object> after = api.mutateMember("reinstateMember", input(member, "reason", "Sanction levée"));

        assertThat(after).containsEntry("status", "ACTIVE").containsEntry("statusReason", "Sanction levée")
                .containsEntry("version", 2);
        assertSearchFindsOnly(after, Map.of("name", member.get("lastName"), "status", "ACTIVE"));
        assertThat(api.count(Map.of("name", member.get("lastName"), "status", "SUSPENDED"))).isZero();
    }

    @Test
    void resignationIsRecordedWithItsDateAndReason() {
        Map<String, Object> member = registered();
        LocalDate effectiveOn = today().minusDays(3);

        Map<String, Object> after = api.mutateMember("recordMemberResignation",
                input(member, "effectiveOn", effectiveOn.toString(), "reason", "Retraite"));

        assertThat(after).containsEntry("status", "RESIGNED").containsEntry("statusReason", "Retraite")
                .containsEntry("version", 1);
        assertSearchFindsOnly(after, Map.of("name", member.get("lastName"), "status", "RESIGNED"));
        assertThat(changes(api.history(id(member)).get(1))).containsEntry("effectiveOn", effectiveOn.toString());
    }

    @Test
    void deathIsRecorded() {
        Map<String, Object> member = registered();
        LocalDate diedOn = today().minusDays(10);

        Map<String, Object> after = api.mutateMember("recordMemberDeath", input(member, "diedOn", diedOn.toString()));

        assertThat(after).containsEntry("status", "DECEASED").containsEntry("version", 1);
        assertSearchFindsOnly(after, Map.of("name", member.get("lastName"), "status", "DECEASED"));
        assertThat(changes(api.history(id(member)).get(1))).containsEntry("diedOn", diedOn.toString());
    }

    @Test
    void noMutationChangesADeceasedMember() {
        Map<String, Object> member = registered();
        api.mutateMember("recordMemberDeath", input(member));
        Map<String, Map<String, Object>> attempts = new LinkedHashMap<>();
        attempts.put("correctMemberIdentity", input(member, "firstName", "Awa"));
        attempts.put("changeMemberPhone", input(member, "phone", TestData.uniquePhone()));
        attempts.put("changeMemberTrades", input(member, "trades", List.of("FORGE")));
        attempts.put("transferMember", input(member, "toLocalUnitId", api.unitId("SG-02")));
        attempts.put("suspendMember", input(member, "reason", "Motif"));
        attempts.put("reinstateMember", input(member));
        attempts.put("recordMemberResignation", input(member));
        attempts.put("recordMemberDeath", input(member));
        attempts.put("recordDuesPayment", input(member, "year", Year.now().getValue(), "amountFcfa", 1000,
                "receiptNumber", "R-" + TestData.suffix()));

        attempts.forEach((mutation, input) ->
                assertRefused(api.refusal(mutation, input), "MEMBER_DECEASED", "memberId"));

        Map<String, Object> now = api.member(id(member));
        assertThat(now).containsEntry("status", "DECEASED").containsEntry("version", 1);
        assertThat(api.history(id(member))).hasSize(2);
    }

    @Test
    void reinstatingAnActiveMemberIsAnIllegalStatusTransition() {
        Map<String, Object> member = registered();

        ResponseError error = api.refusal("reinstateMember", input(member, "reason", "Erreur"));

        assertRefused(error, "ILLEGAL_STATUS_TRANSITION", "memberId");
        assertUnchanged(member, 1);
    }

    @Test
    void duesPaymentIsRecordedInWholeFcfa() {
        Map<String, Object> member = registered();
        String receipt = "R-" + TestData.suffix();
        LocalDate paidOn = today().minusDays(1);

        Map<String, Object> after = api.mutateMember("recordDuesPayment", input(member, "year", Year.now().getValue(),
                "amountFcfa", 2500, "receiptNumber", receipt, "paidOn", paidOn.toString()));

        Map<String, Object> payment = Map.of("year", Year.now().getValue(), "amountFcfa", 2500,
                "receiptNumber", receipt, "paidOn", paidOn.toString());
        assertThat(after.get("dues")).isEqualTo(List.of(payment));
        assertThat(after).containsEntry("version", 1);
        assertThat(api.memberList(Map.of("name", member.get("lastName")))).singleElement()
                .satisfies(m -> assertThat(m.get("dues")).isEqualTo(List.of(payment)));
    }

    @Test
    void sameReceiptSentAgainChangesNothing() {
        Map<String, Object> member = registered();
        Map<String, Object> dues = input(member, "year", Year.now().getValue(), "amountFcfa", 3000,
                "receiptNumber", "R-" + TestData.suffix());
        Map<String, Object> first = api.mutateMember("recordDuesPayment", dues);

        Map<String, Object> again = api.mutateMember("recordDuesPayment", dues);

        assertThat(again).isEqualTo(first).containsEntry("version", 1);
        assertThat((List<?>) again.get("dues")).hasSize(1);
        assertThat(api.history(id(member))).hasSize(2);
    }

    @Test
    void sameReceiptWithAnotherAmountIsRefusedAsDuplicateReceipt() {
        Map<String, Object> member = registered();
        String receipt = "R-" + TestData.suffix();
        api.mutateMember("recordDuesPayment", input(member, "year", Year.now().getValue(), "amountFcfa", 3000,
                "receiptNumber", receipt));

        ResponseError error = api.refusal("recordDuesPayment", input(member, "year", Year.now().getValue(),
                "amountFcfa", 5000, "receiptNumber", receipt));

        assertRefused(error, "DUPLICATE_RECEIPT", "receiptNumber");
        Map<String, Object> now = api.member(id(member));
        assertThat(now).containsEntry("version", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> dues = (List<Map<String, Object>>) now.get("dues");
        assertThat(dues).singleElement().satisfies(d -> assertThat(d).containsEntry("amountFcfa", 3000));
    }

    @Test
    void mutationOnAnUnknownMemberIsNotFound() {
        String unknown = UUID.randomUUID().toString();
        long head = api.eventStoreHead();

        ResponseError phone = api.refusal("changeMemberPhone", Map.of("memberId", unknown,
                "phone", TestData.uniquePhone()));
        ResponseError suspension = api.refusal("suspendMember", Map.of("memberId", unknown, "reason", "Motif"));

        assertThat(List.of(phone, suspension)).allSatisfy(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND").containsEntry("classification",
                    "NOT_FOUND");
            assertThat(error.getMessage()).isNotBlank();
        });
        assertThat(api.history(unknown)).isEmpty();
        assertThat(api.eventStoreHead()).isEqualTo(head);
    }

    @Test
    void mutationOnTheIdOfAnOrgUnitIsNotFound() {
        String unitId = api.unitId("KK-03");
        long head = api.eventStoreHead();

        ResponseError error = api.refusal("changeMemberPhone", Map.of("memberId", unitId,
                "phone", TestData.uniquePhone()));

        assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND");
        assertThat(api.eventStoreHead()).isEqualTo(head);
    }

    @Test
    void amountWithCentimesIsRefusedAndChangesNothing() {
        Map<String, Object> member = registered();

        List<ResponseError> errors = api.run("recordDuesPayment", "input", input(member,
                "year", Year.now().getValue(), "amountFcfa", 2500.5, "receiptNumber", "R-" + TestData.suffix())).errors();

        assertThat(errors).hasSize(1);
        assertUnchanged(member, 1);
    }

    @Test
    void inputsRefusedByTheSchemaGetATypedFrenchError() {
        Map<String, Object> member = registered();

        ResponseError centimes = api.refusal("recordDuesPayment", input(member, "year", Year.now().getValue(),
                "amountFcfa", 2500.5, "receiptNumber", "R-" + TestData.suffix()));
        ResponseError noReason = api.refusal("suspendMember", input(member));

        assertThat(List.of(centimes, noReason)).allSatisfy(error -> {
            assertThat(error.getExtensions()).containsEntry("code", "INVALID_INPUT").containsKey("field");
            assertThat(error.getMessage()).startsWith("La requête ne respecte pas le schéma")
                    .doesNotContain("has an invalid value");
            assertThat((String) error.getExtensions().get("detail")).contains("invalid value");
        });
    }

    @Test
    void historyListsEveryEventInOrderWithActorRoleChannelAndChanges() {
        Map<String, Object> member = registered();
        String newPhone = TestData.uniquePhone();
        String receipt = "R-" + TestData.suffix();
        api.mutateMember("changeMemberPhone", input(member, "phone", newPhone));
        api.mutateMember("changeMemberTrades", input(member, "trades", List.of("POTERIE")));
        api.mutateMember("suspendMember", input(member, "reason", "Enquête"));
        api.mutateMember("reinstateMember", input(member, "reason", "Enquête close"));
        api.mutateMember("recordDuesPayment", input(member, "year", Year.now().getValue(), "amountFcfa", 1500,
                "receiptNumber", receipt));
        api.mutateMember("transferMember", input(member, "toLocalUnitId", api.unitId("KK-02")));

        List<Map<String, Object>> history = api.history(id(member));

        assertThat(history).extracting(e -> e.get("sequence"), e -> e.get("type")).containsExactly(
                tuple(0, "MemberRegisteredEvent"), tuple(1, "MemberPhoneChangedEvent"),
                tuple(2, "MemberTradesChangedEvent"), tuple(3, "MemberSuspendedEvent"),
                tuple(4, "MemberReinstatedEvent"), tuple(5, "DuesPaymentRecordedEvent"),
                tuple(6, "MemberTransferredEvent"));
        assertThat(history).allSatisfy(entry -> assertThat(entry).containsEntry("principal", "bureau-test")
                .containsEntry("role", "EXECUTIVE_BUREAU").containsEntry("channel", "PORTAL"));
        assertThat(history).extracting(e -> Instant.parse((String) e.get("occurredAt"))).isSorted();
        assertThat(history).extracting(e -> e.get("eventId")).doesNotHaveDuplicates();
        assertThat(history).extracting(e -> e.get("correlationId")).doesNotHaveDuplicates();
        assertThat(changes(history.get(0))).containsEntry("lastName", (String) member.get("lastName"))
                .containsEntry("cardNumber", (String) member.get("cardNumber"))
                .containsEntry("phone", (String) member.get("phone"))
                .containsEntry("trades", "TEINTURE").containsEntry("localUnitId", identifier(api.unitId("KK-01")));
        assertThat(changes(history.get(1))).isEqualTo(Map.of("phone", newPhone));
        assertThat(changes(history.get(2))).isEqualTo(Map.of("trades", "POTERIE"));
        assertThat(changes(history.get(3))).isEqualTo(Map.of("reason", "Enquête"));
        assertThat(changes(history.get(4))).isEqualTo(Map.of("previousStatus", "SUSPENDED", "reason", "Enquête close"));
        assertThat(changes(history.get(5))).containsEntry("year", String.valueOf(Year.now().getValue()))
                .containsEntry("amountFcfa", "1500").containsEntry("receiptNumber", receipt);
        assertThat(changes(history.get(6))).isEqualTo(Map.of("fromLocalUnitId", identifier(api.unitId("KK-01")),
                "toLocalUnitId", identifier(api.unitId("KK-02"))));
    }

    @Test
    void channelAndCaptureTimeGivenInTheInputAreRecorded() {
        Instant capturedAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> registration = registration();
        registration.put("channel", "FIELD_AGENT");
        registration.put("capturedAt", capturedAt.toString());
        Map<String, Object> member = api.register(registration);

        api.mutateMember("changeMemberPhone", input(member, "phone", TestData.uniquePhone(), "channel", "USSD"));

        List<Map<String, Object>> history = api.history(id(member));
        assertThat(history).extracting(e -> e.get("channel")).containsExactly("FIELD_AGENT", "USSD");
        assertThat(Instant.parse((String) history.get(0).get("capturedAt"))).isEqualTo(capturedAt);
        assertThat(Instant.parse((String) history.get(0).get("occurredAt"))).isAfter(capturedAt);
        assertThat(history.get(1).get("capturedAt")).isNull();
    }

    @Test
    void importChannelIsRefusedInGraphQlInputs() {
        Map<String, Object> member = registered();
        Map<String, Object> registration = registration();
        registration.put("channel", "IMPORT");
        long head = api.eventStoreHead();

        ResponseError registering = api.registrationRefusal(registration);
        ResponseError suspending = api.refusal("suspendMember", input(member, "reason", "Motif", "channel", "IMPORT"));

        assertRefused(registering, "INVALID_INPUT", "channel");
        assertRefused(suspending, "INVALID_INPUT", "channel");
        assertThat(api.count(Map.of("name", registration.get("lastName")))).isZero();
        assertUnchanged(member, 1);
        assertThat(api.eventStoreHead()).isEqualTo(head);
    }

    // --- given ---

    /** A registration in KK-01 (Koulikoro) under a family name no other test uses. */
    private Map<String, Object> registration() {
        Map<String, Object> input = TestApi.registration("Dembélé" + TestData.suffix(), "Fanta", "F",
                api.unitId("KK-01"));
        input.put("nationalId", TestData.uniqueNationalId());
        input.put("enrolledOn", today().minusYears(2).toString());
        return input;
    }

    private Map<String, Object> registered() {
        Map<String, Object> member = api.register(registration());
        assertThat(member).containsEntry("version", 0).containsEntry("status", "ACTIVE");
        return member;
    }

    // --- helpers ---

    private static Map<String, Object> input(Map<String, Object> member, Object... keyValues) {
        Map<String, Object> input = new HashMap<>();
        input.put("memberId", id(member));
        for (int i = 0; i < keyValues.length; i += 2) {
            input.put((String) keyValues[i], keyValues[i + 1]);
        }
        return input;
    }

    private static String id(Map<String, Object> member) {
        return (String) member.get("id");
    }

    private static LocalDate today() {
        return LocalDate.now(BAMAKO);
    }

    private static Map<String, Object> without(Map<String, Object> member, String... keys) {
        Map<String, Object> copy = new HashMap<>(member);
        for (String key : keys) {
            copy.remove(key);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static List<org.assertj.core.groups.Tuple> trades(Map<String, Object> member) {
        return ((List<Map<String, Object>>) member.get("trades")).stream()
                .map(t -> tuple(t.get("code"), t.get("label"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> changes(Map<String, Object> entry) {
        Map<String, String> changes = new LinkedHashMap<>();
        ((List<Map<String, String>>) entry.get("changes")).forEach(c -> changes.put(c.get("field"), c.get("value")));
        return changes;
    }

    /** The next search with {@code filter} finds this member, exactly as the mutation answered it. */
    private void assertSearchFindsOnly(Map<String, Object> member, Map<String, Object> filter) {
        assertThat(api.memberList(filter)).as("members(filter: %s)", filter).singleElement()
                .satisfies(found -> assertThat(found).isEqualTo(member));
    }

    /** Neither the member (its version) nor its history changed. */
    private void assertUnchanged(Map<String, Object> member, int historySize) {
        assertThat(api.member(id(member))).isEqualTo(member);
        assertThat(api.history(id(member))).hasSize(historySize);
    }

    /** History keeps the facts as stored: an org unit by its identifier, not the global id the API shows it under. */
    private static String identifier(String globalId) {
        return org.jekafo.app.platform.graphql.GlobalIds.identifierOf(globalId);
    }
}
