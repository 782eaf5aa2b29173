package org.jekafo.app.membership;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jekafo.app.TestApi.assertRefused;

/**
 * The rules that span members — unique card numbers and national IDs, look-alikes, card numbers assigned by
 * region — also under concurrent requests; a refusal stores no event and indexes nothing.
 */
class MemberRulesTest extends IntegrationTest {

    private static final int CONCURRENT_REQUESTS = 8;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = connect();
    }

    @Test
    void duplicateCardNumberIsRefusedAndStoresNothing() {
        Map<String, Object> first = api.register(registration("Awa"));
        Map<String, Object> second = registration("Mariam");
        second.put("cardNumber", first.get("cardNumber").toString().toLowerCase());
        long head = api.eventStoreHead();

        ResponseError error = api.registrationRefusal(second);

        assertRefused(error, "DUPLICATE_CARD_NUMBER", "cardNumber");
        assertNothingStored(head, second);
        assertThat(api.memberByCard((String) first.get("cardNumber"))).isEqualTo(first);
    }

    @Test
    void duplicateNationalIdIsRefusedAtRegistrationAndStoresNothing() {
        Map<String, Object> firstInput = registration("Awa");
        firstInput.put("nationalId", TestData.uniqueNationalId());
        api.register(firstInput);
        Map<String, Object> second = registration("Mariam");
        second.put("nationalId", " " + firstInput.get("nationalId").toString().toLowerCase() + " ");
        long head = api.eventStoreHead();

        ResponseError error = api.registrationRefusal(second);

        assertRefused(error, "DUPLICATE_NATIONAL_ID", "nationalId");
        assertNothingStored(head, second);
    }

    @Test
    void duplicateNationalIdIsRefusedWhenCorrectingAnIdentity() {
        Map<String, Object> firstInput = registration("Awa");
        firstInput.put("nationalId", TestData.uniqueNationalId());
        api.register(firstInput);
        Map<String, Object> secondInput = registration("Mariam");
        secondInput.put("nationalId", TestData.uniqueNationalId());
        Map<String, Object> second = api.register(secondInput);
        long head = api.eventStoreHead();

        ResponseError error = api.refusal("correctMemberIdentity", Map.of("memberId", second.get("id"),
                "nationalId", firstInput.get("nationalId"), "reason", "Pièce d'identité présentée"));

        assertRefused(error, "DUPLICATE_NATIONAL_ID", "nationalId");
        assertThat(api.eventStoreHead()).isEqualTo(head);
        assertThat(api.history((String) second.get("id"))).hasSize(1);
        assertThat(api.member((String) second.get("id"))).isEqualTo(second)
                .containsEntry("nationalId", secondInput.get("nationalId"));
        assertThat(api.memberList(Map.of("name", secondInput.get("lastName")))).singleElement()
                .satisfies(m -> assertThat(m).isEqualTo(second));
    }

    @Test
    void lookAlikeInTheSameLocalUnitIsRefusedAsAPossibleDuplicate() {
        Map<String, Object> first = registration("Awa");
        api.register(first);
        Map<String, Object> lookAlike = lookAlikeOf(first);
        long head = api.eventStoreHead();

        ResponseError error = api.registrationRefusal(lookAlike);

        assertRefused(error, "POSSIBLE_DUPLICATE", "lastName");
        assertThat(api.eventStoreHead()).isEqualTo(head);
        assertThat(api.count(Map.of("name", first.get("lastName")))).isEqualTo(1);
    }

    @Test
    void lookAlikeIsRegisteredOnceThePossibleDuplicateIsConfirmed() {
        Map<String, Object> first = registration("Awa");
        api.register(first);
        Map<String, Object> lookAlike = lookAlikeOf(first);
        lookAlike.put("confirmPossibleDuplicate", true);

        Map<String, Object> registered = api.register(lookAlike);

        assertThat(registered).containsEntry("lastName", lookAlike.get("lastName")).containsEntry("version", 0);
        assertThat(api.count(Map.of("name", first.get("lastName")))).isEqualTo(2);
        assertThat((List<Object>) api.history((String) registered.get("id")).get(0).get("changes"))
                .contains(Map.of("field", "confirmedPossibleDuplicate", "value", "true"));
    }

    @Test
    void cardNumbersAreAssignedPerRegionInIncreasingOrderWhenAbsent() {
        String kidal = "Ag Intalla" + TestData.suffix();

        String first = api.register(TestApi.registration(kidal, "Fadimata", "F", api.unitId("KD-01")))
                .get("cardNumber").toString();
        String second = api.register(TestApi.registration(kidal, "Mohamed", "M", api.unitId("KD-03")))
                .get("cardNumber").toString();
        String gao = api.register(TestApi.registration("Maïga" + TestData.suffix(), "Hawa", "F", api.unitId("GA-02")))
                .get("cardNumber").toString();

        assertThat(first).matches("KD-\\d{6}");
        assertThat(second).matches("KD-\\d{6}");
        assertThat(Integer.parseInt(second.substring(3))).isGreaterThan(Integer.parseInt(first.substring(3)));
        assertThat(gao).matches("GA-\\d{6}");
    }

    @Test
    void ofConcurrentRegistrationsWithTheSameCardNumberExactlyOneSucceeds() throws Exception {
        String lastName = "Sissoko" + TestData.suffix();
        String card = TestData.uniqueCardNumber();
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
            Map<String, Object> input = TestApi.registration(lastName, firstName(i), "F", api.unitId("TB-02"));
            input.put("cardNumber", card);
            inputs.add(input);
        }

        List<TestApi.Answer> answers = concurrently(inputs);

        assertExactlyOneRegistered(answers, lastName, "DUPLICATE_CARD_NUMBER", "cardNumber");
        assertThat(api.memberByCard(card)).containsEntry("lastName", lastName);
    }

    @Test
    void ofConcurrentRegistrationsWithTheSameNationalIdExactlyOneSucceeds() throws Exception {
        String lastName = "Sylla" + TestData.suffix();
        String nationalId = TestData.uniqueNationalId();
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
            Map<String, Object> input = TestApi.registration(lastName, firstName(i), "M", api.unitId("TB-03"));
            input.put("cardNumber", TestData.uniqueCardNumber());
            input.put("nationalId", nationalId);
            inputs.add(input);
        }

        List<TestApi.Answer> answers = concurrently(inputs);

        assertExactlyOneRegistered(answers, lastName, "DUPLICATE_NATIONAL_ID", "nationalId");
    }

    // --- given ---

    /**
     * A registration in TB-01 with its own card number ({@link TestData#uniqueCardNumber}: under a prefix no region
     * has, so it never meets a number the system assigns).
     */
    private Map<String, Object> registration(String firstName) {
        Map<String, Object> input = TestApi.registration("Konaté" + TestData.suffix(), firstName, "F",
                api.unitId("TB-01"));
        input.put("cardNumber", TestData.uniqueCardNumber());
        input.put("birthYear", 1980);
        return input;
    }

    /** Same name (as typed differently), same birth year, same local unit; another card, phone and trade. */
    private static Map<String, Object> lookAlikeOf(Map<String, Object> member) {
        Map<String, Object> lookAlike = new java.util.HashMap<>(member);
        lookAlike.put("lastName", member.get("lastName").toString().replace("é", "e").toUpperCase());
        lookAlike.put("firstName", member.get("firstName").toString().toLowerCase());
        lookAlike.put("cardNumber", TestData.uniqueCardNumber());
        lookAlike.put("phone", TestData.uniquePhone());
        lookAlike.put("trades", List.of("COUTURE"));
        return lookAlike;
    }

    private static String firstName(int i) {
        return List.of("Aminata", "Bintou", "Coumba", "Djeneba", "Fanta", "Hawa", "Kadiatou", "Mariam",
                "Nana", "Oumou").get(i);
    }

    // --- helpers ---

    /** Sends every registration at once, from as many threads. */
    private List<TestApi.Answer> concurrently(List<Map<String, Object>> inputs) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(inputs.size());
        try {
            CountDownLatch ready = new CountDownLatch(inputs.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<TestApi.Answer>> futures = new ArrayList<>();
            for (Map<String, Object> input : inputs) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return api.run("registerMemberFull", "input", input);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<TestApi.Answer> answers = new ArrayList<>();
            for (Future<TestApi.Answer> future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private void assertExactlyOneRegistered(List<TestApi.Answer> answers, String lastName, String code, String field) {
        List<TestApi.Answer> accepted = answers.stream().filter(a -> a.errors().isEmpty()).toList();
        List<TestApi.Answer> refused = answers.stream().filter(a -> !a.errors().isEmpty()).toList();
        assertThat(accepted).as("accepted registrations").hasSize(1);
        assertThat(refused).as("refused registrations").hasSize(answers.size() - 1)
                .allSatisfy(answer -> assertRefused(answer.singleError(), code, field));
        Map<String, Object> winner = accepted.get(0).data("registerMember.member");
        assertThat(api.memberList(Map.of("name", lastName))).singleElement()
                .satisfies(found -> assertThat(found).isEqualTo(winner));
        assertThat(api.history((String) winner.get("id"))).hasSize(1);
    }

    /** The refused registration left no event and no document. */
    private void assertNothingStored(long headBefore, Map<String, Object> refused) {
        assertThat(api.eventStoreHead()).isEqualTo(headBefore);
        assertThat(api.count(Map.of("name", refused.get("lastName") + " " + refused.get("firstName")))).isZero();
    }
}
