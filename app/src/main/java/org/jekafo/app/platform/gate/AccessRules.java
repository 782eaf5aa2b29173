package org.jekafo.app.platform.gate;

import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
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
    }

    /** The GraphQL operations that send a message. */
    public interface Exposure {
        void exposedAs(String... operations);
    }

    private final Map<Class<?>, MessageRule<?>> messages = new HashMap<>();
    private final Map<String, Rule> operations = new HashMap<>();

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
        };
        policies.forEach(policy -> policy.declare(declarations));
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
        return Set.copyOf(messages.keySet());
    }

    Optional<MessageRule<?>> forMessage(Class<?> type) {
        return Optional.ofNullable(messages.get(type));
    }
}
