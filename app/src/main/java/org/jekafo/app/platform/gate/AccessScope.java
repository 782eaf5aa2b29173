package org.jekafo.app.platform.gate;

import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.command.membership.MemberDirectory;
import org.jekafo.command.orgunit.OrgUnitDirectory;
import org.jekafo.command.orgunit.OrgUnitEntry;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a principal's bounds cover an org unit or a member. Read from the command side's directories, which
 * are written in the same transaction as the events: a member transferred a moment ago is already out of
 * the old unit's reach. National roles cover everything; an officer covers their unit's subtree; a field
 * agent their one unit; a member only their own record.
 */
@Component
public class AccessScope {

    private final OrgUnitDirectory units;
    private final MemberDirectory members;

    AccessScope(OrgUnitDirectory units, MemberDirectory members) {
        this.units = units;
        this.members = members;
    }

    /**
     * The id of the unit a bounded principal's token names, if it exists and fits the role: a field agent's
     * unit must be a local unit (a token naming a region gives a field agent no reach at all).
     */
    public Optional<String> boundUnitId(ActingPrincipal principal) {
        return principal.unitCode() == null ? Optional.empty()
                : units.findByCode(principal.unitCode())
                .filter(unit -> principal.role() != Role.FIELD_AGENT || unit.level() == OrgUnitLevel.LOCAL)
                .map(OrgUnitEntry::orgUnitId);
    }

    public boolean coversUnit(ActingPrincipal principal, String unitId) {
        if (principal.role().national()) {
            return true;
        }
        Optional<String> bound = boundUnitId(principal);
        if (bound.isEmpty() || unitId == null) {
            return false;
        }
        return switch (principal.role()) {
            case FIELD_AGENT -> bound.get().equals(unitId);
            case CHAPTER_OFFICER -> withinSubtree(unitId, bound.get());
            default -> false;
        };
    }

    /**
     * A member's own record; for others, the unit the member belongs to now. An unknown member is covered by
     * any bounded officer or agent (the operation then answers "not found"), never by another member.
     */
    public boolean coversMember(ActingPrincipal principal, String memberId) {
        if (principal.role() == Role.MEMBER) {
            return principal.memberId().equals(memberId);
        }
        if (principal.role().national()) {
            return true;
        }
        Optional<String> unit = memberId == null ? Optional.empty() : members.localUnitOf(memberId);
        return unit.isEmpty() ? boundUnitId(principal).isPresent() : coversUnit(principal, unit.get());
    }

    /** Refuses with {@code FORBIDDEN} (at {@code field}) a member outside the principal's bounds. */
    public void requireMember(ActingPrincipal principal, String memberId, String field) {
        if (!coversMember(principal, memberId)) {
            throw AccessRefusedException.forbidden(field, principal.role() == Role.MEMBER
                    ? "Un membre ne peut consulter ou modifier que sa propre fiche."
                    : "Ce membre relève d'une unité hors de votre périmètre.");
        }
    }

    /** Refuses with {@code FORBIDDEN} (at {@code field}) an org unit outside the principal's bounds. */
    public void requireUnit(ActingPrincipal principal, String unitId, String field) {
        if (!coversUnit(principal, unitId)) {
            throw AccessRefusedException.forbidden(field, "Cette unité est hors de votre périmètre.");
        }
    }

    /** The member holding a card number, if any. */
    public Optional<String> memberWithCardNumber(String cardNumber) {
        return members.memberWithCardNumber(cardNumber);
    }

    private boolean withinSubtree(String unitId, String rootId) {
        Set<String> seen = new HashSet<>();
        for (String current = unitId; current != null && seen.add(current); ) {
            if (current.equals(rootId)) {
                return true;
            }
            current = units.find(current).map(OrgUnitEntry::parentId).orElse(null);
        }
        return false;
    }
}
