package org.jekafo.api.membership;

/**
 * How a list of members is sorted: by a field, ascending or descending, then by id (so that the order is total and
 * a page continues exactly where the previous one ended).
 */
public record MemberOrder(Field field, boolean descending) {

    /** By folded name ("last first"), ascending: the default order. */
    public static final MemberOrder BY_NAME = new MemberOrder(Field.NAME, false);

    public enum Field {
        NAME, CARD_NUMBER, ENROLLED_ON
    }

    public MemberOrder {
        field = field == null ? Field.NAME : field;
    }
}
