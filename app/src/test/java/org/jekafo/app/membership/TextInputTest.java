package org.jekafo.app.membership;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.ResponseError;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What people type, through GraphQL end to end: names cleaned of invisible characters, every text bounded with
 * a typed refusal that never quotes it (100,000 characters on any argument), national IDs that are NINAs, and
 * request bodies that are not GraphQL requests answered 400.
 */
class TextInputTest extends IntegrationTest {

    private static final String HUGE = "x".repeat(100_000);

    private TestApi api;
    private String unitId;

    @BeforeEach
    void setUp() {
        api = connect();
        unitId = api.unitId("SG-01");
    }

    private Map<String, Object> registration() {
        return TestApi.registration("Texte" + TestData.suffix(), "Awa", "F", unitId);
    }

    private static void assertTooLong(ResponseError error, String field) {
        assertThat(error.getExtensions()).containsEntry("code", "TEXT_TOO_LONG").containsEntry("field", field);
        assertThat(error.getMessage()).contains("caractères").doesNotContain("xxxxxxxxxx");
    }

    @Test
    void hundredThousandCharacterNameIsRefusedWithItsCodeAndNothingIsStored() {
        long head = api.eventStoreHead();
        Map<String, Object> input = registration();
        input.put("lastName", HUGE);

        ResponseError error = api.registrationRefusal(input);

        assertTooLong(error, "lastName");
        assertThat(error.getMessage()).contains("100");
        assertThat(api.eventStoreHead()).isEqualTo(head);
    }

    @Test
    void nameWithNulAndBidirectionalOverrideIsStoredCleaned() {
        String lastName = "Texte" + TestData.suffix();
        Map<String, Object> input = registration();
        input.put("lastName", "\u202E" + lastName.substring(0, 3) + "\u0000" + lastName.substring(3) + "\u202C");
        input.put("firstName", "A\u200Bwa  \u2066Fanta\u2069");

        Map<String, Object> member = api.register(input);

        assertThat(member).containsEntry("lastName", lastName).containsEntry("firstName", "Awa Fanta");
        assertThat(api.member((String) member.get("id"))).containsEntry("lastName", lastName);
    }

    @Test
    void nameOfZeroWidthCharactersOnlyIsMissing() {
        Map<String, Object> input = registration();
        input.put("firstName", "\u200B\u200C\u200D\uFEFF");

        ResponseError error = api.registrationRefusal(input);

        assertThat(error.getExtensions()).containsEntry("code", "MISSING_NAME").containsEntry("field", "firstName");
    }

    @Test
    void nationalIdThatIsNotANinaIsRefused() {
        Map<String, Object> input = registration();
        input.put("nationalId", "ABC");

        ResponseError error = api.registrationRefusal(input);

        assertThat(error.getExtensions()).containsEntry("code", "INVALID_NATIONAL_ID").containsEntry("field", "nationalId");
    }

    static Stream<Arguments> registrationFields() {
        return Stream.of(Arguments.of("firstName", HUGE), Arguments.of("phone", HUGE),
                Arguments.of("nationalId", HUGE), Arguments.of("cardNumber", HUGE),
                Arguments.of("trades", List.of(HUGE)), Arguments.of("localUnitId", HUGE),
                Arguments.of("clientMutationId", HUGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrationFields")
    void hundredThousandCharactersInAnyRegistrationFieldAreRefusedAsTooLong(String field, Object value) {
        Map<String, Object> input = registration();
        input.put(field, value);

        assertTooLong(api.registrationRefusal(input), field);
    }

    @Test
    void hundredThousandCharacterReasonIsRefusedAsTooLong() {
        String memberId = (String) api.register(registration()).get("id");

        ResponseError error = api.refusal("suspendMember", Map.of("memberId", memberId, "reason", HUGE));

        assertTooLong(error, "reason");
        assertThat(error.getMessage()).contains("1").contains("000");
    }

    @Test
    void hundredThousandCharacterMemberIdIsRefusedAsTooLongBeforeTheAccessCheck() {
        ResponseError error = api.as(TestApi.SEGOU_AGENT)
                .refusal("suspendMember", Map.of("memberId", HUGE, "reason", "Cotisations"));

        assertTooLong(error, "memberId");
    }

    static Stream<Arguments> memberFilters() {
        return Stream.of(Arguments.of("name"), Arguments.of("phone"), Arguments.of("trade"), Arguments.of("orgUnitId"));
    }

    @ParameterizedTest(name = "members(filter: '{'{0}: …'}')")
    @MethodSource("memberFilters")
    void hundredThousandCharacterFilterIsRefusedAsTooLong(String criterion) {
        Map<String, Object> filter = new HashMap<>();
        filter.put(criterion, HUGE);
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        variables.put("first", 10);

        assertTooLong(api.run("members", variables).singleError(), criterion);
    }

    @Test
    void hundredThousandCharacterNameInCountsIsRefusedAsTooLong() {
        assertTooLong(api.run("memberCounts", "filter", Map.of("name", HUGE)).singleError(), "name");
    }

    @Test
    void hundredThousandCharacterCardNumberLookupIsRefusedAsTooLong() {
        assertTooLong(api.run("member", "cardNumber", HUGE).singleError(), "cardNumber");
    }

    @Test
    void hundredThousandCharacterCursorIsRefusedAsTooLong() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", 10);
        variables.put("after", HUGE);

        assertTooLong(api.run("members", variables).singleError(), "after");
    }

    @Test
    void hundredThousandCharacterUnitCodeLookupIsRefusedAsTooLong() {
        assertTooLong(api.run("orgUnit", "code", HUGE).singleError(), "code");
    }

    @Test
    void hundredThousandCharacterUnitNameIsRefusedAsTooLong() {
        ResponseError error = api.refusal("createOrgUnit", Map.of("code", TestData.unitCode("SG"), "name", HUGE,
                "level", "LOCAL", "parentId", api.unitId("SG")));

        assertTooLong(error, "name");
    }

    @Test
    void nullBodyIsABadRequest() {
        post("null").expectStatus().isBadRequest();
    }

    @Test
    void malformedJsonBodyIsABadRequest() {
        post("{\"query\": \"{ trades { code } }\"").expectStatus().isBadRequest();
    }

    @Test
    void bodyWithoutQueryIsABadRequest() {
        post("{}").expectStatus().isBadRequest();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String body) {
        return api.web().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_GRAPHQL_RESPONSE_VALUE)
                .bodyValue(body).exchange();
    }
}
