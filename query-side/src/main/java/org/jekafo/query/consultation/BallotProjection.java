package org.jekafo.query.consultation;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.jekafo.api.common.TextFolding;
import org.jekafo.api.consultation.Answer;
import org.jekafo.api.consultation.BallotCastEvent;
import org.jekafo.api.consultation.ParticipationRecordedEvent;
import org.jekafo.api.consultation.RecommendationTaggedEvent;
import org.jekafo.api.consultation.SecretBallotDepositedEvent;
import org.jekafo.query.elasticsearch.DocumentBatch;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Projects ballots into the ballots index. A secret consultation's participation keeps who and when (to the
 * hour); its ballot keeps what (encrypted) and its groups, with no time at all: nothing in the index pairs them.
 */
@Component
@ProcessingGroup(BallotProjection.PROCESSING_GROUP)
class BallotProjection {

    static final String PROCESSING_GROUP = "consultation-ballot-projection";

    private final ElasticsearchClient client;
    private final BallotIndex index;

    BallotProjection(ElasticsearchClient client, BallotIndex index) {
        this.client = client;
        this.index = index;
    }

    @EventHandler
    void on(BallotCastEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        BallotDocument ballot = participation(BallotDocument.OPEN_BALLOT, event.participationId(),
                event.consultationId(), event.memberId(), event.channel().name(), event.assistedBy(), at);
        List<String> choices = new ArrayList<>();
        event.answers().forEach(a -> a.optionIds().forEach(o -> choices.add(a.questionId() + ":" + o)));
        ballot.choices = choices;
        ballot.answers = event.answers();
        ballot.voter = event.voter();
        batch().create(sequence, ballot);
        recommendations(event.consultationId(), event.participationId(), event.memberId(), event.answers(), sequence);
    }

    @EventHandler
    void on(ParticipationRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch().create(sequence, participation(BallotDocument.PARTICIPATION, event.participationId(),
                event.consultationId(), event.memberId(), event.channel().name(), event.assistedBy(), at));
    }

    @EventHandler
    void on(SecretBallotDepositedEvent event, @SequenceNumber long sequence) {
        BallotDocument ballot = new BallotDocument();
        ballot.documentKind = BallotDocument.SECRET_BALLOT;
        ballot.ballotId = event.ballotId();
        ballot.consultationId = event.consultationId();
        ballot.receipt = event.receipt();
        ballot.ballot = event.ballot();
        ballot.voter = event.voter();
        batch().create(sequence, ballot);
        recommendations(event.consultationId(), event.ballotId(), null,
                event.recommendations() == null ? List.of() : event.recommendations(), sequence);
    }

    @EventHandler
    void on(RecommendationTaggedEvent event, @SequenceNumber long sequence) {
        batch().update(event.recommendationId(), sequence, d -> d.tags = event.tags());
    }

    private void recommendations(String consultationId, String ballotId, String memberId, List<Answer> answers,
                                 long sequence) {
        for (Answer answer : answers) {
            if (answer.text() == null) {
                continue;
            }
            BallotDocument recommendation = new BallotDocument();
            recommendation.documentKind = BallotDocument.RECOMMENDATION;
            recommendation.consultationId = consultationId;
            if (memberId != null) {
                recommendation.participationId = ballotId;
                recommendation.memberId = memberId;
            } else {
                recommendation.ballotId = ballotId;
            }
            recommendation.questionId = answer.questionId();
            recommendation.recommendationId = BallotDocument.recommendationId(ballotId, answer.questionId());
            recommendation.text = answer.text();
            recommendation.textFolded = TextFolding.fold(answer.text());
            recommendation.tags = List.of();
            batch().create(sequence, recommendation);
        }
    }

    private static BallotDocument participation(String kind, String participationId, String consultationId,
                                                String memberId, String channel, String assistedBy, Instant at) {
        BallotDocument document = new BallotDocument();
        document.documentKind = kind;
        document.participationId = participationId;
        document.consultationId = consultationId;
        document.memberId = memberId;
        document.channel = channel;
        document.assistedBy = assistedBy;
        document.votedAt = at.truncatedTo(ChronoUnit.HOURS);
        return document;
    }

    private DocumentBatch<BallotDocument> batch() {
        return DocumentBatch.current(client, index, BallotDocument.class);
    }
}
