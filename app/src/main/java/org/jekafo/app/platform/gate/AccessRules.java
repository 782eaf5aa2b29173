package org.jekafo.app.platform.gate;

import org.jekafo.api.history.AggregateRead;
import org.jekafo.api.history.FindAggregateStateQuery;
import org.jekafo.api.history.FindHistoryQuery;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every access rule, as the features' {@link AccessPolicy} beans declare them: one per command and query class,
 * and one per GraphQL operation ({@code Query.member}, {@code Mutation.registerMember}, …). An operation that sends
 * a message has the roles of that message's rule, so GraphQL and the {@link Gate} can never disagree. Declaring a
 * rule twice stops the application at startup.
 *
 * <p>History ({@link FindHistoryQuery}) is one query for every aggregate type, read the same way for all: its rule
 * is declared per aggregate type, by the feature owning that type ({@link Declarations#history}), and the gate applies
 * the rule of the type a query names. An operation showing the history of several types ({@code
 * Query.aggregateHistory}) may be run by every role one of those rules allows; the gate then decides per type. The
 * state of an aggregate as of a point of its history ({@link FindAggregateStateQuery}, {@code Query.aggregateAsOf})
 * is read from the same events: it passes under the same rule, for every aggregate type that declares one.
 */
@Component
public class AccessRules {

    /** Who may run a GraphQL operation, and whether their bounds are checked (as the schema documents it). */
    public record Rule(Set<Role> roles, boolean bounded) {
    }

    /** Who may send a message, and the reach it needs. */
    record MessageRule<M>(Class<M> type, Set<Role> roles, Reach<M> reach) {
    }

    /** What a policy declares. */
    public interface Declarations {

        /**
         * The rule of a command or query; {@link Role#SYSTEM} in {@code roles} lets the server send it itself
         * (a token never carries that role).
         */
        <M> Exposure message(Class<M> type, Set<Role> roles, Reach<M> reach);

        /** A GraphQL operation that sends no command or query (reference data, operations, the caller's identity). */
        void operation(String operation, Set<Role> roles);

        /**
         * The rule of reading the histories of one aggregate type ({@link FindHistoryQuery} naming it): who may, and
         * the reach each aggregate the query names needs (its id is the message {@code reach} checks).
         */
        Exposure history(String aggregateType, Set<Role> roles, Reach<String> reach);
    }

    /** The GraphQL operations that send a message. */
    public interface Exposure {
        void exposedAs(String... operations);
    }

    private final Map<Class<?>, MessageRule<?>> messages = new HashMap<>();
    /** The GraphQL operation reading any aggregate's state as of a point of its history, under its history rule. */
    static final String AS_OF_OPERATION = "Query.aggregateAsOf";

    private final Map<String, MessageRule<AggregateRead>> histories = new HashMap<>();
    private final Map<String, Rule> operations = new HashMap<>();
    /** Operations showing the histories of several aggregate types: their rules are merged. */
    private final Map<String, Rule> historyOperations = new HashMap<>();

    AccessRules(List<AccessPolicy> policies) {
        Declarations declarations = new Declarations() {
            @Override
            public <M> Exposure message(Class<M> type, Set<Role> roles, Reach<M> reach) {
                if (messages.putIfAbsent(type, new MessageRule<>(type, Set.copyOf(roles), reach)) != null) {
                    throw new IllegalStateException("Two access rules for " + type.getName());
                }
                return names -> Arrays.stream(names).forEach(name -> add(name, new Rule(withoutSystem(roles),
                        reach.bounded())));
            }

            @Override
            public void operation(String operation, Set<Role> roles) {
                add(operation, new Rule(withoutSystem(roles), false));
            }

            @Override
            public Exposure history(String aggregateType, Set<Role> roles, Reach<String> reach) {
                Reach<AggregateRead> eachAggregate = eachAggregate(reach);
                if (histories.putIfAbsent(aggregateType, new MessageRule<>(AggregateRead.class, Set.copyOf(roles),
                        eachAggregate)) != null) {
                    throw new IllegalStateException("Two access rules for the history of " + aggregateType);
                }
                historyOperations.merge(AS_OF_OPERATION, new Rule(withoutSystem(roles), reach.bounded()),
                        AccessRules::either);
                return names -> Arrays.stream(names).forEach(name -> historyOperations.merge(name,
                        new Rule(withoutSystem(roles), reach.bounded()), AccessRules::either));
            }
        };
        policies.forEach(policy -> policy.declare(declarations));
        historyOperations.forEach(this::add);
    }

    /** The reach of a history or state query: every aggregate it names within {@code reach}. */
    private static Reach<AggregateRead> eachAggregate(Reach<String> reach) {
        return new Reach<>() {
            @Override
            public AggregateRead admit(AggregateRead query, ActingPrincipal principal, AccessScope scope) {
                query.aggregateIds().forEach(aggregateId -> reach.admit(aggregateId, principal, scope));
                return query;
            }

            @Override
            public boolean bounded() {
                return reach.bounded();
            }
        };
    }

    /** What one rule or the other allows. */
    private static Rule either(Rule one, Rule other) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(one.roles());
        roles.addAll(other.roles());
        return new Rule(Set.copyOf(roles), one.bounded() || other.bounded());
    }

    private void add(String operation, Rule rule) {
        if (operations.putIfAbsent(operation, rule) != null) {
            throw new IllegalStateException("Two access rules for " + operation);
        }
    }

    private static Set<Role> withoutSystem(Set<Role> roles) {
        Set<Role> granted = EnumSet.noneOf(Role.class);
        granted.addAll(roles);
        granted.remove(Role.SYSTEM);
        return Set.copyOf(granted);
    }

    /** The rule of {@code Type.field}, e.g. {@code Mutation.registerMember}. */
    /**
     * Refuses {@code principal} an operation whose rule does not list their role, or that has no rule (deny by
     * default).
     */
    public void authorize(String operation, ActingPrincipal principal) {
        Rule rule = of(operation).orElseThrow(() -> AccessRefusedException.forbidden(null,
                "L'opération " + operation + " n'a pas de règle d'accès : elle est refusée à tous."));
        if (!rule.roles().contains(principal.role())) {
            throw AccessRefusedException.forbidden(null, "Le rôle « " + principal.role().label()
                    + " » ne permet pas l'opération " + operation + ".");
        }
    }

    public Optional<Rule> of(String operation) {
        return Optional.ofNullable(operations.get(operation));
    }

    /** Every GraphQL operation that has a rule. */
    public Set<String> operations() {
        return new TreeSet<>(operations.keySet());
    }

    /** Every command and query class that has a rule. */
    public Set<Class<?>> messageTypes() {
        Set<Class<?>> types = new HashSet<>(messages.keySet());
        if (!histories.isEmpty()) {
            types.add(FindHistoryQuery.class);
            types.add(FindAggregateStateQuery.class);
        }
        return Set.copyOf(types);
    }

    /** Every aggregate type whose history has a rule. */
    public Set<String> historyTypes() {
        return new TreeSet<>(histories.keySet());
    }

    /** The rule of a command or query; a history or state query's is that of the aggregate type it names. */
    Optional<MessageRule<?>> forMessage(Object payload) {
        if (payload instanceof AggregateRead history) {
            return Optional.ofNullable(histories.get(history.aggregateType()));
        }
        return Optional.ofNullable(messages.get(payload.getClass()));
    }
}
