package org.jekafo.app.membership;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MemberRegistrationTest extends IntegrationTest {

    HttpGraphQlTester graphQl;

    @BeforeEach
    void setUp() {
        graphQl = new TestApi(port).graphQl();
    }

    @Test
    void registeredMemberIsReturnedNormalisedAndIsFoundByAnAccentInsensitiveSearchRightAway() {
        String unitId = unitId("SG-01");
        String lastName = "Traoré" + suffix();
        Map<String, Object> member = graphQl.documentName("registerMember")
                .variable("input", input(lastName, "Aminata", unitId, "76 12 34 56"))
                .execute()
                .path("registerMember.member").entity(Map.class).get();

        assertThat(member.get("phone")).isEqualTo("+22376123456");
        assertThat((String) member.get("cardNumber")).matches("SG-\\d{6}");
        assertThat(member.get("status")).isEqualTo("ACTIVE");
        assertThat(member).extracting("region").extracting("code").isEqualTo("SG");

        String folded = "traore" + lastName.substring("Traoré".length()).toLowerCase() + " aminata";
        graphQl.documentName("membersByName").variable("name", folded).execute()
                .path("members.totalCount").entity(Integer.class).isEqualTo(1)
                .path("members.edges[0].node.id").entity(String.class).isEqualTo((String) member.get("id"));
    }

    @Test
    void registrationIsRecordedWithActorRoleChannelAndCorrelationInTheEventStore() {
        String id = graphQl.documentName("registerMember")
                .variable("input", input("Coulibaly" + suffix(), "Fanta", unitId("KY-01"), "+22370000001"))
                .execute().path("registerMember.member.id").entity(String.class).get();

        List<Map> history = graphQl.documentName("memberHistory").variable("id", id).execute()
                .path("memberHistory").entityList(Map.class).get();

        assertThat(history).hasSize(1);
        assertThat(history.get(0)).containsEntry("type", "MemberRegisteredEvent")
                .containsEntry("principal", "bureau-test").containsEntry("role", "EXECUTIVE_BUREAU")
                .containsEntry("channel", "PORTAL").containsKey("correlationId");
        assertThat(history.get(0).get("causationId")).isNotNull().isNotEqualTo(history.get(0).get("correlationId"));
    }

    @Test
    void refusedRegistrationIsATypedErrorInFrenchAndStoresNothing() {
        String lastName = "Keita" + suffix();
        Map<String, Object> input = input(lastName, "Moussa", unitId("SK-01"), "12345");

        var response = graphQl.documentName("registerMember").variable("input", input).execute();
        response.errors().verify(); // a refusal the user can correct: in the payload, not a top-level error
        response.path("registerMember.userErrors").entityList(Map.class).satisfies(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0)).containsEntry("code", "INVALID_PHONE")
                    .containsEntry("field", List.of("input", "phone"));
            assertThat((String) errors.get(0).get("message")).contains("n'est pas un numéro malien");
        });
        graphQl.documentName("membersByName").variable("name", lastName).execute()
                .path("members.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void retryWithTheSameClientMutationIdRegistersOnce() {
        Map<String, Object> input = input("Diarra" + suffix(), "Awa", unitId("BK-01"), "66 00 00 01");
        input.put("clientMutationId", UUID.randomUUID().toString());

        String first = graphQl.documentName("registerMember").variable("input", input).execute()
                .path("registerMember.member.id").entity(String.class).get();
        String second = graphQl.documentName("registerMember").variable("input", input).execute()
                .path("registerMember.member.id").entity(String.class).get();

        assertThat(second).isEqualTo(first);
        graphQl.documentName("membersByName").variable("name", (String) input.get("lastName")).execute()
                .path("members.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneClientMutationIdAllGetTheFirstAnswer() throws Exception {
        Map<String, Object> input = input("Sangaré" + suffix(), "Oumou", unitId("SG-02"), "66 00 00 02");
        input.put("clientMutationId", UUID.randomUUID().toString());
        int retries = 12;
        ExecutorService clients = Executors.newFixedThreadPool(retries);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Map<String, Object>>> answers = new ArrayList<>();
            for (int i = 0; i < retries; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return new TestApi(port).graphQl().documentName("registerMember").variable("input", input)
                            .execute().returnResponse().toMap();
                }));
            }
            start.countDown();

            Set<Object> memberIds = new HashSet<>();
            for (Future<Map<String, Object>> answer : answers) {
                Map<String, Object> response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.get("errors")).as("errors of a retry").isNull();
                memberIds.add(((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) response.get("data")).get("registerMember"))
                        .get("member")).get("id"));
            }
            assertThat(memberIds).hasSize(1).doesNotContainNull();
        } finally {
            clients.shutdownNow();
        }
        graphQl.documentName("membersByName").variable("name", (String) input.get("lastName")).execute()
                .path("members.totalCount").entity(Integer.class).isEqualTo(1);
    }

    private String unitId(String code) {
        return graphQl.documentName("orgUnitByCode").variable("code", code).execute()
                .path("orgUnit.id").entity(String.class).get();
    }

    private static Map<String, Object> input(String lastName, String firstName, String unitId, String phone) {
        Map<String, Object> input = new HashMap<>();
        input.put("lastName", lastName);
        input.put("firstName", firstName);
        input.put("gender", "F");
        input.put("birthYear", Year.now().getValue() - 30);
        input.put("phone", phone);
        input.put("trades", List.of("TEINTURE"));
        input.put("localUnitId", unitId);
        return input;
    }

    /** Letters only, so that names stay valid and distinct between tests sharing one event store. */
    private static String suffix() {
        StringBuilder letters = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16)));
        }
        return letters.toString();
    }
}
