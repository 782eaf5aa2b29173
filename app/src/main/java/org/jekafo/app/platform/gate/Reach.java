package org.jekafo.app.platform.gate;

import java.util.function.Function;

/**
 * How far a principal's bounds must extend for a message to pass the {@link Gate}: the member or unit it is about
 * must be within them. A reach may also narrow the message to the principal's bounds (a search without a unit
 * becomes a search of the principal's unit); it never widens it. National roles reach everything.
 *
 * @param <M> the message's payload type
 */
@FunctionalInterface
public interface Reach<M> {

    /** The message as admitted for {@code principal}: the same, or narrowed; refused with {@code FORBIDDEN} when outside. */
    M admit(M message, ActingPrincipal principal, AccessScope scope);

    /** Whether the principal's bounds matter at all (else the role alone decides). */
    default boolean bounded() {
        return true;
    }

    /** Both reaches, in turn (e.g. the member moved and the unit it is moved to). */
    default Reach<M> and(Reach<M> next) {
        return (message, principal, scope) -> next.admit(admit(message, principal, scope), principal, scope);
    }

    /** The role alone decides: reference data, the principal's own identity, national operations. */
    static <M> Reach<M> unbounded() {
        return new Reach<>() {
            @Override
            public M admit(M message, ActingPrincipal principal, AccessScope scope) {
                return message;
            }

            @Override
            public boolean bounded() {
                return false;
            }
        };
    }

    /** The member the message names, at {@code field} of the operation's input (for the refusal's path). */
    static <M> Reach<M> member(Function<M, String> memberId, String field) {
        return (message, principal, scope) -> {
            scope.requireMember(principal, memberId.apply(message), field);
            return message;
        };
    }

    /** The org unit the message names, at {@code field} of the operation's input. */
    static <M> Reach<M> unit(Function<M, String> unitId, String field) {
        return (message, principal, scope) -> {
            scope.requireUnit(principal, unitId.apply(message), field);
            return message;
        };
    }
}
