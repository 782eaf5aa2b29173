package org.jekafo.app.security;

import org.jekafo.app.platform.gate.AccessPolicy;
import org.jekafo.app.platform.gate.AccessRules.Declarations;
import org.jekafo.app.platform.gate.Role;
import org.springframework.stereotype.Component;

import java.util.EnumSet;

/** Every caller may read who they are; the bureau and auditors read the journal of personal-data reads. */
@Component
class SecurityPolicy implements AccessPolicy {

    @Override
    public void declare(Declarations rules) {
        rules.operation("Query.me", EnumSet.complementOf(EnumSet.of(Role.SYSTEM)));
        rules.operation("Query.personalDataAccesses", EnumSet.of(Role.EXECUTIVE_BUREAU, Role.AUDITOR));
    }
}
