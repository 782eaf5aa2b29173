package org.jekafo.ballot;

/**
 * Where a proof belongs: the consultation and the question. Both go into every Fiat–Shamir hash (as separate
 * length-prefixed fields), so that a ballot or a decryption proven for one question of one consultation does not
 * verify for any other: a ballot cannot be replayed into another consultation.
 */
public record QuestionContext(String consultationId, String questionId) {

    /** Longest identifier accepted, in characters. */
    public static final int MAX_ID_LENGTH = 200;

    public QuestionContext {
        requireId(consultationId, "consultationId");
        requireId(questionId, "questionId");
    }

    static void requireId(String id, String name) {
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(name + " must be 1 to " + MAX_ID_LENGTH + " characters, not blank");
        }
    }

    Transcript transcript(String kind) {
        return new Transcript(kind).text(consultationId).text(questionId);
    }
}
