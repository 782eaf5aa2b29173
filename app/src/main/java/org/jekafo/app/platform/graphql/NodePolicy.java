package org.jekafo.app.platform.graphql;

import org.jekafo.app.platform.gate.AccessPolicy;
import org.jekafo.app.platform.gate.AccessRules.Declarations;
import org.jekafo.app.platform.gate.Role;
import org.springframework.stereotype.Component;

import java.util.EnumSet;

/**
 * {@code node} and {@code nodes} are open to every caller: each object is read by its feature's own query, which
 * the gate admits or refuses for the caller exactly as when it is asked directly.
 */
@Component
class NodePolicy implements AccessPolicy {

    @Override
    public void declare(Declarations rules) {
        rules.operation("Query.node", EnumSet.complementOf(EnumSet.of(Role.SYSTEM)));
        rules.operation("Query.nodes", EnumSet.complementOf(EnumSet.of(Role.SYSTEM)));
    }
}
