package org.jekafo.api.membership;

/**
 * Where a member stands in a list's order (the value of the sort field — the folded "last first" name, the card
 * number or the enrolment date — then the id): what the next page continues after. The folded name is personal
 * data: a position leaves the server only sealed in a cursor.
 */
public record MemberPosition(String sortName, String memberId) {
}
