package org.jekafo.api.membership;

/** One member by id or by card number. */
public record FindMemberQuery(String memberId, String cardNumber) {
}
