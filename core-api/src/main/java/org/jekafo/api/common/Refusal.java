package org.jekafo.api.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a command was refused: a stable code for programs, a French message for people, and the input
 * field at fault (or {@code null} when no single field is).
 *
 * <p>A command with several problems is refused once, with all of them: the first here, the others in
 * {@code more} ({@link #all()}). {@code candidateIds} names the records a problem is about, where the caller may
 * look at them (the look-alike members of a {@code POSSIBLE_DUPLICATE}).
 */
public record Refusal(String code, String field, String message, List<String> candidateIds, List<Refusal> more) {

    public Refusal {
        candidateIds = candidateIds == null ? List.of() : List.copyOf(candidateIds);
        more = more == null ? List.of() : List.copyOf(more);
    }

    public Refusal(String code, String field, String message) {
        this(code, field, message, List.of(), List.of());
    }

    /** One refusal for all {@code problems} (at least one), in their order. */
    public static Refusal of(List<Refusal> problems) {
        List<Refusal> flat = new ArrayList<>();
        problems.forEach(problem -> flat.addAll(problem.all()));
        Refusal first = flat.get(0);
        return new Refusal(first.code, first.field, first.message, first.candidateIds, flat.subList(1, flat.size()));
    }

    /** This problem and every other one the command had, each on its own. */
    public List<Refusal> all() {
        List<Refusal> all = new ArrayList<>();
        all.add(new Refusal(code, field, message, candidateIds, List.of()));
        more.forEach(other -> all.addAll(other.all()));
        return all;
    }

    /** The same problem, about these records. */
    public Refusal about(List<String> ids) {
        return new Refusal(code, field, message, ids, more);
    }
}
