package org.jekafo.app.security;

/**
 * Who is acting, in which role, and within what: {@code unitCode} is the org unit a field agent or an officer
 * is bounded to (its subtree for an officer), {@code memberId} the own record of a member.
 */
public record ActingPrincipal(String name, Role role, String unitCode, String memberId) {

    public ActingPrincipal {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a principal has a name");
        }
        if (role == null) {
            throw new IllegalArgumentException("a principal has a role");
        }
        if (role.needsUnit() && (unitCode == null || unitCode.isBlank())) {
            throw new IllegalArgumentException(role + " is bounded to an org unit");
        }
        if (role == Role.MEMBER && (memberId == null || memberId.isBlank())) {
            throw new IllegalArgumentException("a member principal names the member's record");
        }
    }

    /** The server's own acts, e.g. {@code system} loading the reference tree. */
    public static ActingPrincipal system(String name) {
        return new ActingPrincipal(name, Role.SYSTEM, null, null);
    }
}
