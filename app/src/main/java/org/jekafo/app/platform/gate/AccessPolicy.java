package org.jekafo.app.platform.gate;

/**
 * Who may do what in one feature: a bean beside the feature's code, declaring a rule for each command and query
 * the feature handles and for each GraphQL operation that sends none. The {@link Gate} enforces the message
 * rules wherever a message is dispatched (GraphQL, census import, scheduled jobs, the phone channel); GraphQL
 * checks the roles of an operation before running it, from the same rules. What no policy declares is refused.
 */
public interface AccessPolicy {

    void declare(AccessRules.Declarations rules);
}
