package org.jekafo.app.platform.graphql;

import org.jekafo.api.common.Refusal;

import java.util.List;

/**
 * A problem the user can correct, as a mutation's payload reports it ({@code UserError} in the schema): a code of
 * {@code ErrorCode}, the path of the input field at fault ({@code ["input", "lastName"]}, or null), a French message,
 * and the records it is about (the look-alike members of a {@code POSSIBLE_DUPLICATE}).
 */
public record UserError(String code, List<String> field, String message, List<String> candidateIds) {

    /** Each problem of {@code refusal}, its field under {@code inputPath}. */
    public static List<UserError> of(Refusal refusal, List<String> inputPath) {
        return refusal.all().stream().map(problem -> new UserError(problem.code(), fieldPath(problem.field(), inputPath),
                problem.message(), problem.candidateIds())).toList();
    }

    private static List<String> fieldPath(String field, List<String> inputPath) {
        if (field == null) {
            return null;
        }
        List<String> path = new java.util.ArrayList<>(inputPath);
        path.addAll(List.of(field.split("\\.")));
        return path;
    }
}
