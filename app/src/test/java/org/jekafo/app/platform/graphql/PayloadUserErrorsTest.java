package org.jekafo.app.platform.graphql;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;

import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a form needs from a refused mutation: every problem of the input at once, in the payload, each with its
 * code, field path and French message; a look-alike named for a possible duplicate; and aliased mutations of one
 * request each with their own outcome.
 */
class PayloadUserErrorsTest extends IntegrationTest {

    private static final String REGISTER = """
            mutation($input: RegisterMemberInput!) {
              registerMember(input: $input) {
                clientMutationId memberId member { id }
                userErrors { code field message candidate { id cardNumber lastName } }
              }
            }""";

    @Test
    @SuppressWarnings("unchecked")
    void aRegistrationWithSeveralProblemsNamesThemAllAndStoresNothing() {
        TestApi api = connect();
        api.awaitProjectionsCaughtUp();
        long head = api.eventStoreHead();
        Map<String, Object> input = TestApi.registration("  ", "Awa", "F", api.unitId("SG-01"));
        input.put("birthYear", Year.now().getValue() + 3);
        input.put("phone", "12");
        input.put("trades", List.of("TEINTURE", "ASTRONAUTE"));
        input.put("nationalId", "123");
        input.put("clientMutationId", "form-" + TestData.suffix());

        TestApi.Answer answer = api.runText(REGISTER, Map.of("input", input));

        assertThat(answer.response().getErrors()).as("top-level errors").isEmpty();
        Map<String, Object> payload = answer.response().field("registerMember").getValue();
        assertThat(payload.get("clientMutationId")).isEqualTo(input.get("clientMutationId"));
        assertThat(payload.get("memberId")).isNull();
        assertThat(payload.get("member")).isNull();
        List<Map<String, Object>> problems = (List<Map<String, Object>>) payload.get("userErrors");
        assertThat(problems).extracting(p -> p.get("code"), p -> p.get("field")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("MISSING_NAME", List.of("input", "lastName")),
                org.assertj.core.groups.Tuple.tuple("INVALID_BIRTH_YEAR", List.of("input", "birthYear")),
                org.assertj.core.groups.Tuple.tuple("INVALID_PHONE", List.of("input", "phone")),
                org.assertj.core.groups.Tuple.tuple("UNKNOWN_TRADE", List.of("input", "trades")),
                org.assertj.core.groups.Tuple.tuple("INVALID_NATIONAL_ID", List.of("input", "nationalId")));
        assertThat(problems).allSatisfy(p -> assertThat((String) p.get("message")).isNotBlank()
                .doesNotContain("Exception"));
        assertThat(api.eventStoreHead()).as("nothing stored").isEqualTo(head);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPossibleDuplicateNamesTheLookAlike() {
        TestApi api = connect();
        String lastName = "Jumelle" + TestData.suffix();
        Map<String, Object> first = api.register(TestApi.registration(lastName, "Oumou", "F", api.unitId("SG-01")));
        Map<String, Object> again = TestApi.registration(lastName, "Oumou", "F", api.unitId("SG-01"));

        Map<String, Object> payload = api.runText(REGISTER, Map.of("input", again)).response()
                .field("registerMember").getValue();

        List<Map<String, Object>> problems = (List<Map<String, Object>>) payload.get("userErrors");
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.get("code")).isEqualTo("POSSIBLE_DUPLICATE");
            assertThat((Map<String, Object>) problem.get("candidate")).containsEntry("id", first.get("id"))
                    .containsEntry("cardNumber", first.get("cardNumber"));
        });

        again.put("confirmPossibleDuplicate", true);
        Map<String, Object> confirmed = api.runText(REGISTER, Map.of("input", again)).data("registerMember");
        assertThat(confirmed.get("memberId")).isNotNull().isNotEqualTo(first.get("id"));
        assertThat((List<?>) confirmed.get("userErrors")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aliasedMutationsEachGetTheirOwnOutcome() {
        TestApi bureau = connect();
        TestApi agent = bureau.as(TestApi.SEGOU_AGENT);
        Map<String, Object> mine = TestApi.registration("Alias" + TestData.suffix(), "Mariam", "F", bureau.unitId("SG-01"));
        Map<String, Object> wrong = TestApi.registration("Alias" + TestData.suffix(), "Bintou", "F", bureau.unitId("SG-01"));
        wrong.put("phone", "pas un numéro");
        Map<String, Object> elsewhere = TestApi.registration("Alias" + TestData.suffix(), "Fatou", "F",
                bureau.unitId("KY-01"));
        Map<String, Object> variables = new HashMap<>();
        variables.put("mine", mine);
        variables.put("wrong", wrong);
        variables.put("elsewhere", elsewhere);

        TestApi.Answer answer = agent.runText("""
                mutation($mine: RegisterMemberInput!, $wrong: RegisterMemberInput!, $elsewhere: RegisterMemberInput!) {
                  mine: registerMember(input: $mine) { memberId userErrors { code } }
                  wrong: registerMember(input: $wrong) { memberId userErrors { code field } }
                  elsewhere: registerMember(input: $elsewhere) { memberId userErrors { code } }
                }""", variables);

        Map<String, Object> data = (Map<String, Object>) answer.response().getData();
        assertThat((Map<String, Object>) data.get("mine")).containsEntry("userErrors", List.of())
                .extractingByKey("memberId").isNotNull();
        assertThat((List<Map<String, Object>>) ((Map<String, Object>) data.get("wrong")).get("userErrors"))
                .singleElement().satisfies(p -> assertThat(p).containsEntry("code", "INVALID_PHONE")
                        .containsEntry("field", List.of("input", "phone")));
        assertThat(data).containsEntry("elsewhere", null);
        assertThat(answer.response().getErrors()).singleElement().satisfies((ResponseError error) -> {
            assertThat(error.getPath()).isEqualTo("elsewhere");
            assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
        });
        bureau.awaitProjectionsCaughtUp();
        assertThat(bureau.memberList(Map.of("name", (String) mine.get("lastName")))).hasSize(1);
        assertThat(bureau.memberList(Map.of("name", (String) elsewhere.get("lastName")))).isEmpty();
    }
}
