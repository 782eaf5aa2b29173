package org.jekafo.ballot;

/**
 * Why a ballot does not verify, and where: the question (0-based, in the form's order) and, when the flaw is about
 * one option, that option (0-based; -1 otherwise).
 */
public record BallotFlaw(Kind kind, int question, int option) {

    public enum Kind {
        /** The ballot has not the form's number of questions, options or proof branches. */
        WRONG_SHAPE,
        /** A ciphertext's alpha is the point at infinity: encrypted with no randomness, it hides nothing. */
        NO_RANDOMNESS,
        /** An option's proof that it encrypts 0 or 1 does not verify. */
        CHOICE_PROOF,
        /** The proof that the number of options chosen is within the rule's bounds does not verify. */
        COUNT_PROOF
    }

    /** The flaw in French, for an auditor's report. */
    public String describe() {
        String where = question < 0 ? "bulletin" : option < 0
                ? "question " + (question + 1)
                : "question " + (question + 1) + ", option " + (option + 1);
        return where + " : " + switch (kind) {
            case WRONG_SHAPE -> "la forme ne correspond pas au formulaire de la consultation";
            case NO_RANDOMNESS -> "chiffré sans aléa (il ne cache rien)";
            case CHOICE_PROOF -> "la preuve que l'option vaut 0 ou 1 est invalide";
            case COUNT_PROOF -> "la preuve du nombre de choix autorisé est invalide";
        };
    }
}
