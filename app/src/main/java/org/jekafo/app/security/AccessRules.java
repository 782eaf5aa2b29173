package org.jekafo.app.security;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Map.entry;
import static org.jekafo.app.security.Role.ADMIN;
import static org.jekafo.app.security.Role.AUDITOR;
import static org.jekafo.app.security.Role.CHAPTER_OFFICER;
import static org.jekafo.app.security.Role.EXECUTIVE_BUREAU;
import static org.jekafo.app.security.Role.FIELD_AGENT;
import static org.jekafo.app.security.Role.MEMBER;

/**
 * Who may run each GraphQL operation, and against what. Every field of {@code Query}, {@code Mutation} and
 * {@code Subscription} has
 * exactly one rule here; an operation without a rule is refused to everyone ({@link AccessGuard}), and the
 * authorization matrix test fails until the rule exists.
 */
public final class AccessRules {

    /** What a bounded principal's reach is checked against. */
    public enum Target {
        /** Nothing beyond the role: reference data, the principal's own identity, national operations. */
        NONE,
        /** The member named by the argument at {@code path}. */
        MEMBER,
        /** The member at {@code path}, and the org unit at {@code unitPath} it is moved to. */
        MEMBER_TO_UNIT,
        /** The member named by {@code id} or {@code cardNumber}. */
        MEMBER_BY_ID_OR_CARD,
        /** The org unit named by the argument at {@code path}. */
        UNIT,
        /** The {@code orgUnitId} of the filter at {@code path}: checked when given, set to the principal's unit when not. */
        FILTER
    }

    /** The roles allowed, and how their reach is checked. */
    public record Rule(Set<Role> roles, Target target, String path, String unitPath) {
    }

    private static final Set<Role> ANYONE = EnumSet.of(MEMBER, FIELD_AGENT, CHAPTER_OFFICER, EXECUTIVE_BUREAU, AUDITOR, ADMIN);
    private static final Set<Role> READERS = EnumSet.of(FIELD_AGENT, CHAPTER_OFFICER, EXECUTIVE_BUREAU, AUDITOR, ADMIN);
    private static final Set<Role> KEEPERS = EnumSet.of(FIELD_AGENT, CHAPTER_OFFICER, EXECUTIVE_BUREAU);
    private static final Set<Role> SELF_SERVICE = EnumSet.of(MEMBER, FIELD_AGENT, CHAPTER_OFFICER, EXECUTIVE_BUREAU);
    private static final Set<Role> OFFICERS = EnumSet.of(CHAPTER_OFFICER, EXECUTIVE_BUREAU);
    private static final Set<Role> BUREAU = EnumSet.of(EXECUTIVE_BUREAU);
    private static final Set<Role> OVERSIGHT = EnumSet.of(EXECUTIVE_BUREAU, AUDITOR, ADMIN);
    private static final Set<Role> ACCESS_LOG_READERS = EnumSet.of(EXECUTIVE_BUREAU, AUDITOR);
    private static final Set<Role> OPERATORS = EnumSet.of(ADMIN);

    private static final String MEMBER_INPUT = "input.memberId";

    private static final Map<String, Rule> RULES = Map.ofEntries(
            entry("Query.me", rule(ANYONE, Target.NONE, null)),
            entry("Query.trades", rule(ANYONE, Target.NONE, null)),
            entry("Query.orgUnit", rule(ANYONE, Target.NONE, null)),
            entry("Query.orgUnits", rule(ANYONE, Target.NONE, null)),
            entry("Query.member", rule(ANYONE, Target.MEMBER_BY_ID_OR_CARD, null)),
            entry("Query.memberHistory", rule(ANYONE, Target.MEMBER, "id")),
            entry("Query.members", rule(READERS, Target.FILTER, "filter")),
            entry("Query.memberCounts", rule(READERS, Target.FILTER, "filter")),
            entry("Query.projections", rule(OVERSIGHT, Target.NONE, null)),
            entry("Query.personalDataAccesses", rule(ACCESS_LOG_READERS, Target.NONE, null)),
            // census imports' progress: no personal data (the report, which has some, is the bureau's: /imports)
            entry("Query.censusImport", rule(OVERSIGHT, Target.NONE, null)),
            entry("Query.censusImports", rule(OVERSIGHT, Target.NONE, null)),
            entry("Subscription.censusImportProgress", rule(OVERSIGHT, Target.NONE, null)),
            entry("Mutation.registerMember", rule(KEEPERS, Target.UNIT, "input.localUnitId")),
            entry("Mutation.correctMemberIdentity", rule(KEEPERS, Target.MEMBER, MEMBER_INPUT)),
            entry("Mutation.changeMemberPhone", rule(SELF_SERVICE, Target.MEMBER, MEMBER_INPUT)),
            entry("Mutation.changeMemberTrades", rule(SELF_SERVICE, Target.MEMBER, MEMBER_INPUT)),
            entry("Mutation.recordMemberResignation", rule(KEEPERS, Target.MEMBER, MEMBER_INPUT)),
            entry("Mutation.recordMemberDeath", rule(KEEPERS, Target.MEMBER, MEMBER_INPUT)),
            entry("Mutation.recordDuesPayment", rule(KEEPERS, Target.MEMBER, MEMBER_INPUT)),
            entry("Mutation.transferMember", new Rule(OFFICERS, Target.MEMBER_TO_UNIT, MEMBER_INPUT, "input.toLocalUnitId")),
            entry("Mutation.suspendMember", rule(OFFICERS, Target.MEMBER, MEMBER_INPUT)),
            entry("Mutation.reinstateMember", rule(OFFICERS, Target.MEMBER, MEMBER_INPUT)),
            entry("Mutation.erasePersonalData", rule(BUREAU, Target.MEMBER, MEMBER_INPUT)),
            entry("Mutation.createOrgUnit", rule(BUREAU, Target.NONE, null)),
            entry("Mutation.renameOrgUnit", rule(BUREAU, Target.NONE, null)),
            entry("Mutation.moveOrgUnit", rule(BUREAU, Target.NONE, null)),
            entry("Mutation.closeOrgUnit", rule(BUREAU, Target.NONE, null)),
            entry("Mutation.rebuildProjection", rule(OPERATORS, Target.NONE, null)),
            entry("Query.deadLetters", rule(OPERATORS, Target.NONE, null)),
            entry("Mutation.retryDeadLetters", rule(OPERATORS, Target.NONE, null)),
            entry("Mutation.evictDeadLetter", rule(OPERATORS, Target.NONE, null)));

    private AccessRules() {
    }

    /** The rule of {@code Type.field}, e.g. {@code Mutation.registerMember}. */
    public static Optional<Rule> of(String operation) {
        return Optional.ofNullable(RULES.get(operation));
    }

    /** Every operation that has a rule. */
    public static Set<String> operations() {
        return RULES.keySet();
    }

    private static Rule rule(Set<Role> roles, Target target, String path) {
        return new Rule(Set.copyOf(roles), target, path, null);
    }
}
