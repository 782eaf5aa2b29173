package org.jekafo.api.membership;

import java.util.List;

/** A member's trades changed. */
public record MemberTradesChangedEvent(String memberId, List<String> trades) {
}
