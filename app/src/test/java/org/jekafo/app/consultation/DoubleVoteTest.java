package org.jekafo.app.consultation;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jekafo.app.consultation.ConsultationScenario.ballot;
import static org.jekafo.app.consultation.ConsultationScenario.choose;

/**
 * One member, one ballot, also when two ballots of the same member arrive at the same moment through two channels
 * (the member on the portal, an agent in the field): against the real event store and roll, exactly one counts and
 * the other is refused with {@code ALREADY_VOTED}.
 */
class DoubleVoteTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoBallotsOfOneMemberAtTheSameMomentThroughTwoChannelsCountOnce() throws Exception {
        int members = 8;
        ConsultationScenario scenario = new ConsultationScenario(connect(),
                List.of("F", "M", "F", "M", "F", "M", "F", "M"));
        String id = scenario.open(ConsultationScenario.plan(scenario.unitId, "OPEN", 0));
        ExecutorService pool = Executors.newFixedThreadPool(2 * members);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<ResponseError>>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < members; i++) {
                String member = scenario.members.get(i);
                for (TestApi channel : List.of(scenario.member(i), scenario.agent())) {
                    String option = channel == scenario.agent() ? "Q1-B" : "Q1-A";
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        return scenario.cast(channel, ballot(id, member, List.of(choose("Q1", option)))).errors();
                    }));
                }
            }
            start.countDown();
            for (int i = 0; i < members; i++) {
                List<ResponseError> first = outcomes.get(2 * i).get();
                List<ResponseError> second = outcomes.get(2 * i + 1).get();
                assertThat(List.of(first, second)).as("member %d's two ballots", i)
                        .filteredOn(List::isEmpty).hasSize(1);
                List<ResponseError> refused = first.isEmpty() ? second : first;
                assertThat(refused).singleElement().satisfies(error ->
                        assertThat(error.getExtensions()).containsEntry("code", "ALREADY_VOTED"));
            }
        } finally {
            pool.shutdownNow();
        }
        String consultation = TestApi.identifierOf(id);
        assertThat(jdbc.queryForObject("select count(*) from consultation_ballot where consultation_id = ?",
                Integer.class, consultation)).isEqualTo(members);
        assertThat(jdbc.queryForObject("select count(*) from consultation_roll where consultation_id = ? and voted = true",
                Integer.class, consultation)).isEqualTo(members);
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Map<?, ?>) scenario.consultation(id).get("turnout"))
                .get("voterCount"), Integer.valueOf(members)::equals);
    }
}
