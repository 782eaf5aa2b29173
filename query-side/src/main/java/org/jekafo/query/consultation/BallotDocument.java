package org.jekafo.query.consultation;

import org.jekafo.api.consultation.Answer;
import org.jekafo.api.consultation.VoterGroup;
import org.jekafo.query.elasticsearch.VersionedDocument;

import java.time.Instant;
import java.util.List;

/**
 * One document of the {@code jekafo-consultation-ballots} index (see {@code consultation-ballots.json}), of one of
 * four kinds: an open ballot, a secret consultation's participation, a secret ballot, a recommendation.
 */
class BallotDocument extends VersionedDocument {

    static final String OPEN_BALLOT = "OPEN_BALLOT";
    static final String PARTICIPATION = "PARTICIPATION";
    static final String SECRET_BALLOT = "SECRET_BALLOT";
    static final String RECOMMENDATION = "RECOMMENDATION";

    public String documentKind;
    public String consultationId;
    public String participationId;
    public String memberId;
    public String channel;
    public String assistedBy;
    public Instant votedAt;
    /** An open ballot's choices as {@code questionId:optionId}, for live counts. */
    public List<String> choices;
    public List<Answer> answers;
    public String ballotId;
    public String receipt;
    public String ballot;
    public VoterGroup voter;
    public String questionId;
    public String recommendationId;
    public String text;
    /** The text folded (accents and case removed, {@code TextFolding}): what a search matches. */
    public String textFolded;
    public List<String> tags;

    @Override
    public String documentId() {
        return switch (documentKind) {
            case RECOMMENDATION -> recommendationId;
            case SECRET_BALLOT -> ballotId;
            default -> participationId;
        };
    }

    /** A recommendation's identifier: its ballot's (or open participation's) and its question's. */
    static String recommendationId(String ballotId, String questionId) {
        return ballotId + ":" + questionId;
    }
}
