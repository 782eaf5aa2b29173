package org.jekafo.command.consultation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jekafo.api.common.Gender;
import org.jekafo.api.consultation.Answer;
import org.jekafo.api.consultation.BallotCastEvent;
import org.jekafo.api.consultation.SecretBallotDepositedEvent;
import org.jekafo.api.consultation.VoterGroup;
import org.jekafo.ballot.TallyForm;
import org.jekafo.command.common.WrittenWithTheEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ballot box as the tally reads it, in table {@code consultation_ballot}, written in the transaction that
 * appends each ballot's event: an open ballot's choices per question, a secret ballot's encryption, each with the
 * voter's groups at the time of the vote. Free-text recommendations are not counted and not kept here.
 */
@Component
@WrittenWithTheEvents
@ProcessingGroup(JdbcBallotBox.PROCESSING_GROUP)
class JdbcBallotBox implements BallotBoxContents {

    static final String PROCESSING_GROUP = "consultation-ballot-box";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    JdbcBallotBox(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<BoxedBallot> ballots(String consultationId) {
        return jdbc.query("select coalesce(tally_form, choices), gender, disability, region_id, local_unit_id, trade, age_band "
                        + "from consultation_ballot where consultation_id = ?", // unsorted: sorting large rows spilled to disk
                (rs, i) -> new BoxedBallot(rs.getString(1), new VoterGroup(
                        rs.getString(2) == null ? null : Gender.valueOf(rs.getString(2)), (Boolean) rs.getObject(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))), consultationId);
    }

    @Override
    public boolean holds(String consultationId, String ballotId) {
        Integer count = jdbc.queryForObject("select count(*) from consultation_ballot where ballot_id = ? "
                + "and consultation_id = ?", Integer.class, ballotId, consultationId);
        return count != null && count > 0;
    }

    @EventHandler
    void on(BallotCastEvent event) {
        Map<String, List<String>> choices = new LinkedHashMap<>();
        for (Answer answer : event.answers()) {
            if (answer.text() == null) {
                choices.put(answer.questionId(), answer.optionIds());
            }
        }
        try {
            insert(event.participationId(), event.consultationId(), json.writeValueAsString(choices), null, null,
                    event.voter());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @EventHandler
    void on(SecretBallotDepositedEvent event) {
        insert(event.ballotId(), event.consultationId(), event.ballot(), TallyForm.of(event.ballot()), event.receipt(),
                event.voter());
    }

    private void insert(String ballotId, String consultationId, String choices, String tallyForm, String receipt,
                        VoterGroup voter) {
        jdbc.update("insert into consultation_ballot (ballot_id, consultation_id, choices, tally_form, receipt, gender, "
                        + "disability, region_id, local_unit_id, trade, age_band) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ballotId, consultationId, choices, tallyForm, receipt, voter.gender() == null ? null : voter.gender().name(),
                voter.disability(), voter.regionId(), voter.localUnitId(), voter.trade(), voter.ageBand());
    }
}
