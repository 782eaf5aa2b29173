package org.jekafo.api.membership;

/** One member by id or by card number; answered with its {@link MemberView}, or null when there is none. */
public record FindMemberQuery(String memberId, String cardNumber) {
}
