package org.jekafo.app.platform.gate;

import java.util.Optional;

/**
 * What a person may do in Jɛkafo. Every role but the national ones is bounded to an org unit and its
 * subtree (a member to their own record). {@link #SYSTEM} is the server's own acts (reference data, imports)
 * and is never granted by a token.
 */
public enum Role {
    /** Reads and corrects parts of their own record, votes, reads public results. */
    MEMBER("membre"),
    /** Registers and updates the members of one local unit. */
    FIELD_AGENT("agent de terrain"),
    /** Manages the members of a regional or local unit's subtree. */
    CHAPTER_OFFICER("responsable de section"),
    /** Everything officers do, nationally; governs the federation's structure. */
    EXECUTIVE_BUREAU("bureau exécutif"),
    /** Reads every history and audit record; personal data masked unless asked for, and every read recorded. */
    AUDITOR("auditeur"),
    /** Operations (projections, rebuilds); no governance writes. */
    ADMIN("administrateur"),
    /** The server itself. */
    SYSTEM("système");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Roles that act on the whole federation. */
    public boolean national() {
        return this == EXECUTIVE_BUREAU || this == AUDITOR || this == ADMIN || this == SYSTEM;
    }

    /** Roles that must name the org unit they are bounded to. */
    public boolean needsUnit() {
        return this == FIELD_AGENT || this == CHAPTER_OFFICER;
    }

    /** Roles whose reads of personal data are masked and recorded. */
    public boolean overseer() {
        return this == AUDITOR || this == ADMIN;
    }

    /** The role a token may carry, by its name; never {@link #SYSTEM}. */
    public static Optional<Role> grantable(String name) {
        for (Role role : values()) {
            if (role != SYSTEM && role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
