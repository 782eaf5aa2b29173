package org.jekafo.app.platform.gate;

import graphql.GraphQLContext;
import graphql.execution.ExecutionStepInfo;
import graphql.schema.DataFetchingEnvironment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The personal-data reads of one GraphQL request, gathered while it runs and recorded before it answers. */
public final class PersonalDataReads {

    /** A member's personal data read by an operation; {@code unmasked} if phone or national ID came in clear. */
    record Read(String memberId, String operation, boolean unmasked) {
    }

    private final Map<String, Read> reads = new ConcurrentHashMap<>();
    private volatile ActingPrincipal reader;

    /** The reads of the request whose GraphQL context this is. */
    public static PersonalDataReads of(GraphQLContext context) {
        return context.get(PersonalDataReads.class);
    }

    /** The operation a field belongs to, as the journal names it: the root field of its request ({@code member}…). */
    public static String operation(DataFetchingEnvironment environment) {
        ExecutionStepInfo step = environment.getExecutionStepInfo();
        while (step.getParent() != null && step.getParent().getPath().getLevel() > 0) {
            step = step.getParent();
        }
        return step.getFieldDefinition().getName();
    }

    /** Records that {@code reader} read, in masked form, what {@code operation} shows of a member. */
    public void add(ActingPrincipal reader, String memberId, String operation) {
        add(reader, memberId, operation, false);
    }

    void add(ActingPrincipal reader, String memberId, String operation, boolean unmasked) {
        this.reader = reader;
        reads.merge(memberId + '\u0000' + operation, new Read(memberId, operation, unmasked),
                (before, now) -> before.unmasked() ? before : now);
    }

    /** Who read; null while nothing was read. */
    ActingPrincipal reader() {
        return reader;
    }

    Collection<Read> all() {
        return reads.values();
    }

    /** The reads gathered so far, removed: what a subscription's result showed since the previous one was sent. */
    Collection<Read> drain() {
        List<Read> drained = new ArrayList<>();
        for (String key : reads.keySet()) {
            Read read = reads.remove(key);
            if (read != null) {
                drained.add(read);
            }
        }
        return drained;
    }
}
