package org.jekafo.app.consultation;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

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
        ConsultationScenario scenario = new ConsultationScenario(connect(),
                List.of("F", "M", "F", "M", "F", "M", "F", "M"));
        String id = scenario.open(ConsultationScenario.plan(scenario.unitId, "OPEN", 0));

        scenario.castEachTwiceAtOnce(id, UnaryOperator.identity());

        String consultation = TestApi.identifierOf(id);
        int members = scenario.members.size();
        assertThat(jdbc.queryForObject("select count(*) from consultation_ballot where consultation_id = ?",
                Integer.class, consultation)).isEqualTo(members);
        assertThat(jdbc.queryForObject("select count(*) from consultation_roll where consultation_id = ? and voted = true",
                Integer.class, consultation)).isEqualTo(members);
    }
}
