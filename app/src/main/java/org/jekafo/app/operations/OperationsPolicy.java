package org.jekafo.app.operations;

import org.jekafo.app.platform.gate.AccessPolicy;
import org.jekafo.app.platform.gate.AccessRules.Declarations;
import org.jekafo.app.platform.gate.Role;
import org.springframework.stereotype.Component;

import java.util.EnumSet;

/** Reference data for everyone; the projections' state for oversight; rebuilds and dead letters for operators. */
@Component
class OperationsPolicy implements AccessPolicy {

    @Override
    public void declare(Declarations rules) {
        rules.operation("Query.trades", EnumSet.complementOf(EnumSet.of(Role.SYSTEM)));
        EnumSet<Role> oversight = EnumSet.of(Role.EXECUTIVE_BUREAU, Role.AUDITOR, Role.ADMIN);
        rules.operation("Query.projections", oversight);
        rules.operation("Subscription.projectionStatus", oversight);
        EnumSet<Role> operators = EnumSet.of(Role.ADMIN);
        rules.operation("Mutation.rebuildProjection", operators);
        rules.operation("Query.deadLetters", operators);
        rules.operation("Mutation.retryDeadLetters", operators);
        rules.operation("Mutation.evictDeadLetter", operators);
    }
}
