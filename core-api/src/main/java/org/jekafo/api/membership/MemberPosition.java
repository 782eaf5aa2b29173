package org.jekafo.api.membership;

/**
 * Where a member stands in the list order (folded "last first" name, then id): what the next page continues
 * after. The folded name is personal data: a position leaves the server only sealed in a cursor.
 */
public record MemberPosition(String sortName, String memberId) {
}
