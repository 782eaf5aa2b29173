package org.jekafo.api.membership;

/** Where a member stands. DECEASED is final. */
public enum MemberStatus {
    ACTIVE, SUSPENDED, RESIGNED, DECEASED
}
