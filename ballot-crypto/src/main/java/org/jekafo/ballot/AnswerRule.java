package org.jekafo.ballot;

/**
 * What an answer to one question may be: a choice vector of {@code options} zeros and ones, with between
 * {@code minChosen} and {@code maxChosen} ones. Single choice is exactly one of n; yes/no/abstain is single choice
 * of three; multiple choice is between min (usually 0 or 1) and max of n.
 */
public record AnswerRule(int options, int minChosen, int maxChosen) {

    /** Most options a question may have (the count is one byte in the ballot format; 64 keeps ballots small). */
    public static final int MAX_OPTIONS = 64;

    public AnswerRule {
        if (options < 1 || options > MAX_OPTIONS) {
            throw new IllegalArgumentException("a question has 1 to " + MAX_OPTIONS + " options");
        }
        if (minChosen < 0 || maxChosen < 1 || minChosen > maxChosen || maxChosen > options) {
            throw new IllegalArgumentException("need 0 <= minChosen <= maxChosen <= options and maxChosen >= 1");
        }
    }

    public static AnswerRule singleChoice(int options) {
        return new AnswerRule(options, 1, 1);
    }

    /** Single choice of three options; by convention 0 = yes, 1 = no, 2 = abstain. */
    public static AnswerRule yesNoAbstain() {
        return singleChoice(3);
    }

    public static AnswerRule multipleChoice(int options, int minChosen, int maxChosen) {
        return new AnswerRule(options, minChosen, maxChosen);
    }

    /** Whether {@code choices} is a vector this rule accepts. */
    public boolean accepts(int[] choices) {
        if (choices == null || choices.length != options) {
            return false;
        }
        int chosen = 0;
        for (int choice : choices) {
            if (choice != 0 && choice != 1) {
                return false;
            }
            chosen += choice;
        }
        return chosen >= minChosen && chosen <= maxChosen;
    }

    /** The choice vector with a 1 at each index of {@code chosenOptions}, for callers that hold option indices. */
    public int[] vectorOf(int... chosenOptions) {
        int[] vector = new int[options];
        for (int option : chosenOptions) {
            if (option < 0 || option >= options) {
                throw new IllegalArgumentException("no option " + option);
            }
            vector[option] = 1;
        }
        return vector;
    }
}
