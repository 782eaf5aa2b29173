package org.jekafo.app.security;

import graphql.execution.ExecutionStepInfo;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import org.jekafo.api.membership.CardNumbers;
import org.jekafo.app.security.AccessRules.Rule;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Enforces {@link AccessRules} before any operation runs: the caller must be authenticated, hold a role the
 * rule allows, and reach the member or unit the operation is about. A refusal is a typed error
 * ({@code UNAUTHENTICATED} or {@code FORBIDDEN}) and nothing is read or changed. Deny by default: an operation
 * without a rule is refused to everyone. Introspection ({@code __schema}, {@code __type}) needs a valid token.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1) // its check runs inside the argument checks (IdentifierLengths)
class AccessGuard extends SimplePerformantInstrumentation {

    /** Filters of MemberFilter on personal data. */
    private static final List<String> PERSONAL_FILTERS = List.of("name", "phone", "birthYearFrom", "birthYearTo");
    /** Introspection: open to every authenticated caller, whatever their role, and to nobody else. */
    private static final List<String> INTROSPECTION = List.of("__schema", "__type");

    private final PrincipalProvider principals;
    private final AccessScope scope;

    AccessGuard(PrincipalProvider principals, AccessScope scope) {
        this.principals = principals;
        this.scope = scope;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        ExecutionStepInfo step = parameters.getExecutionStepInfo();
        String field = step.getFieldDefinition().getName();
        if (step.getPath().getLevel() != 1 || field.equals("__typename")) {
            return fetcher;
        }
        if (INTROSPECTION.contains(field)) {
            return environment -> {
                principals.current(); // refuses anonymous callers: the schema is for those who hold a token
                return fetcher.get(environment);
            };
        }
        String operation = step.getObjectType().getName() + "." + field;
        if (step.getObjectType().getName().equals("Subscription")) {
            // a refusal travels in the stream: over SSE, a failed fetch would only read "not a subscription"
            return environment -> {
                DataFetchingEnvironment allowed;
                try {
                    allowed = authorize(operation, environment);
                } catch (AccessRefusedException refused) {
                    return SubscriptionRefusals.refused(refused);
                }
                return fetcher.get(allowed);
            };
        }
        return environment -> fetcher.get(authorize(operation, environment));
    }

    private DataFetchingEnvironment authorize(String operation, DataFetchingEnvironment environment) {
        ActingPrincipal principal = principals.current();
        Rule rule = AccessRules.of(operation).orElseThrow(() -> AccessRefusedException.forbidden(null,
                "L'opération " + operation + " n'a pas de règle d'accès : elle est refusée à tous."));
        if (!rule.roles().contains(principal.role())) {
            throw AccessRefusedException.forbidden(null, "Le rôle « " + principal.role().label()
                    + " » ne permet pas l'opération " + operation + ".");
        }
        return switch (rule.target()) {
            case NONE -> environment;
            case MEMBER -> requireMember(principal, (String) argument(environment, rule.path()), rule.path(), environment);
            case MEMBER_TO_UNIT -> requireUnit(principal, (String) argument(environment, rule.unitPath()), rule.unitPath(),
                    requireMember(principal, (String) argument(environment, rule.path()), rule.path(), environment));
            case MEMBER_BY_ID_OR_CARD -> requireMemberByIdOrCard(principal, environment);
            case UNIT -> requireUnit(principal, (String) argument(environment, rule.path()), rule.path(), environment);
            case FILTER -> boundFilter(principal, rule.path(), environment);
        };
    }

    private DataFetchingEnvironment requireMember(ActingPrincipal principal, String memberId, String path,
                                                  DataFetchingEnvironment environment) {
        if (!scope.coversMember(principal, memberId)) {
            throw AccessRefusedException.forbidden(path, principal.role() == Role.MEMBER
                    ? "Un membre ne peut consulter ou modifier que sa propre fiche."
                    : "Ce membre relève d'une unité hors de votre périmètre.");
        }
        return environment;
    }

    /**
     * Resolves a card number the way the query does (trimmed, upper case) and hands the query the member the
     * check was made on, so that the check and the answer can never be about two different records.
     */
    private DataFetchingEnvironment requireMemberByIdOrCard(ActingPrincipal principal, DataFetchingEnvironment environment) {
        String givenId = environment.getArgument("id");
        String cardNumber = environment.getArgument("cardNumber");
        if (givenId != null || CardNumbers.normalized(cardNumber) == null) {
            return requireMember(principal, givenId, "id", environment);
        }
        String memberId = scope.memberWithCardNumber(CardNumbers.normalized(cardNumber)).orElse(null);
        if (memberId == null && principal.role() != Role.MEMBER) {
            return environment; // no member holds it: the query answers null
        }
        requireMember(principal, memberId, "cardNumber", environment);
        return withArguments(environment, arguments -> {
            arguments.put("id", memberId);
            arguments.remove("cardNumber");
        });
    }

    private DataFetchingEnvironment requireUnit(ActingPrincipal principal, String unitId, String path,
                                                DataFetchingEnvironment environment) {
        if (!scope.coversUnit(principal, unitId)) {
            throw AccessRefusedException.forbidden(path, "Cette unité est hors de votre périmètre.");
        }
        return environment;
    }

    /**
     * Keeps a bounded principal's search within their unit: checks the unit asked for, or sets it. Auditors
     * and administrators may not filter on personal data: counting the members with a given phone or birth
     * year would reveal it without any record being read (and journaled).
     */
    private DataFetchingEnvironment boundFilter(ActingPrincipal principal, String path, DataFetchingEnvironment environment) {
        Map<String, Object> filter = environment.getArgument(path);
        if (principal.role().overseer() && filter != null) {
            for (String personal : PERSONAL_FILTERS) {
                if (filter.get(personal) != null) {
                    throw AccessRefusedException.forbidden(path + "." + personal, "Un auditeur ou un administrateur ne filtre pas sur des "
                            + "données personnelles ; cherchez par numéro de carte, unité, métier ou statut.");
                }
            }
        }
        if (principal.role().national()) {
            return environment;
        }
        String unitId = filter == null ? null : (String) filter.get("orgUnitId");
        if (unitId != null) {
            return requireUnit(principal, unitId, path + ".orgUnitId", environment);
        }
        String bound = scope.boundUnitId(principal).orElseThrow(() -> AccessRefusedException.forbidden(path + ".orgUnitId",
                "L'unité « " + principal.unitCode() + " » de votre jeton n'existe pas ou ne convient pas à votre "
                        + "rôle (un agent de terrain relève d'une unité locale)."));
        Map<String, Object> bounded = filter == null ? new HashMap<>() : new HashMap<>(filter);
        bounded.put("orgUnitId", bound);
        return withArguments(environment, arguments -> arguments.put(path, bounded));
    }

    /** The same field fetch with changed arguments: what the check decided the operation is about. */
    private static DataFetchingEnvironment withArguments(DataFetchingEnvironment environment,
                                                         Consumer<Map<String, Object>> change) {
        Map<String, Object> arguments = new HashMap<>(environment.getArguments());
        change.accept(arguments);
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment(environment).arguments(arguments).build();
    }

    private static Object argument(DataFetchingEnvironment environment, String path) {
        Object value = environment.getArguments();
        for (String part : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        return value;
    }
}
