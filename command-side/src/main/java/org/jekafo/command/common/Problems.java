package org.jekafo.command.common;

import org.jekafo.api.common.Refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Gathers the problems of a command's fields, so that one refusal names all of them (a form shows every field to
 * correct at once) instead of the first only. Each check runs even when an earlier one failed; a check that needs
 * the value of a failed one is made only after {@link #refuseIfAny()}.
 */
public final class Problems {

    private final List<Refusal> found = new ArrayList<>();

    /** The checked value, or {@code null} when the check refused it (the refusal is kept). */
    public <T> T check(Supplier<T> checked) {
        try {
            return checked.get();
        } catch (CommandRefusedException refused) {
            found.add(refused.refusal());
            return null;
        }
    }

    /** Runs a check that returns nothing. */
    public void check(Runnable check) {
        check(() -> {
            check.run();
            return null;
        });
    }

    /** Throws one refusal holding every problem found so far, if any. */
    public void refuseIfAny() {
        if (!found.isEmpty()) {
            throw new CommandRefusedException(Refusal.of(found));
        }
    }
}
