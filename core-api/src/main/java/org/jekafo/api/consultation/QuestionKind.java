package org.jekafo.api.consultation;

/** The kinds of question a consultation may ask. */
public enum QuestionKind {
    /** Exactly one option, or blank. */
    SINGLE_CHOICE,
    /** Between one and {@code maxChoices} options, or blank. */
    MULTIPLE_CHOICE,
    /** Yes, no or abstain (options {@code YES}, {@code NO}, {@code ABSTAIN}, given by the system). */
    YES_NO_ABSTAIN,
    /** A free-text recommendation (optional). */
    FREE_TEXT
}
