package org.jekafo.app.platform.gate;

import org.jekafo.api.common.MetadataKeys;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.jekafo.app.platform.graphql.GlobalIds;

/**
 * Who is acting, in which role, and within what: {@code unitCode} is the org unit a field agent or an officer
 * is bounded to (its subtree for an officer), {@code memberId} the own record of a member.
 */
public record ActingPrincipal(String name, Role role, String unitCode, String memberId) {

    /** Metadata of commands and queries (never inherited by events): the unit a principal is bounded to. */
    static final String PRINCIPAL_UNIT = "principalUnit";
    /** Metadata of commands and queries (never inherited by events): a member principal's own record. */
    static final String PRINCIPAL_MEMBER = "principalMember";

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
        // a token may name the record by the global id the API shows it under, or by its identifier
        memberId = memberId == null ? null : GlobalIds.identifierOf(memberId);
    }

    /** The server's own acts, e.g. {@code system} loading the reference tree. */
    public static ActingPrincipal system(String name) {
        return new ActingPrincipal(name, Role.SYSTEM, null, null);
    }

    /** The metadata entries a command or query carries to say who sends it (read by the {@link Gate}). */
    public Map<String, Object> metaData() {
        Map<String, Object> entries = new HashMap<>();
        entries.put(MetadataKeys.PRINCIPAL, name);
        entries.put(MetadataKeys.ROLE, role.name());
        if (unitCode != null) {
            entries.put(PRINCIPAL_UNIT, unitCode);
        }
        if (memberId != null) {
            entries.put(PRINCIPAL_MEMBER, memberId);
        }
        return entries;
    }

    /** The principal a message's metadata names, if it names one well-formed. */
    static Optional<ActingPrincipal> in(Map<String, ?> metaData) {
        Object name = metaData.get(MetadataKeys.PRINCIPAL);
        Object role = metaData.get(MetadataKeys.ROLE);
        if (!(name instanceof String n) || !(role instanceof String r)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ActingPrincipal(n, Role.valueOf(r), text(metaData.get(PRINCIPAL_UNIT)),
                    text(metaData.get(PRINCIPAL_MEMBER))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }
}
