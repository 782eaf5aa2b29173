package org.jekafo.app.integrity;

import org.jekafo.api.integrity.RecordIntegrityCheckpointCommand;
import org.jekafo.app.platform.gate.AccessPolicy;
import org.jekafo.app.platform.gate.AccessRules.Declarations;
import org.jekafo.app.platform.gate.Reach;
import org.jekafo.app.platform.gate.Role;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Set;

/**
 * Tamper evidence is oversight: the auditors, the executive bureau and the administrators verify the history, take
 * checkpoints and export the store for the offline verifier (the export's HTTP endpoints follow
 * {@code Query.verifyIntegrity}'s rule); the server takes its periodic checkpoints itself.
 */
@Component
class IntegrityPolicy implements AccessPolicy {

    static final Set<Role> OVERSIGHT = EnumSet.of(Role.AUDITOR, Role.EXECUTIVE_BUREAU, Role.ADMIN);
    /** The operation whose rule the export endpoints apply. */
    static final String VERIFY = "Query.verifyIntegrity";

    @Override
    public void declare(Declarations rules) {
        Set<Role> recorders = EnumSet.copyOf(OVERSIGHT);
        recorders.add(Role.SYSTEM);
        rules.message(RecordIntegrityCheckpointCommand.class, recorders, Reach.unbounded())
                .exposedAs("Mutation.recordIntegrityCheckpoint");
        rules.operation(VERIFY, OVERSIGHT);
        rules.operation("Query.integrityCheckpoints", OVERSIGHT);
    }
}
