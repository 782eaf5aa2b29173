package org.jekafo.app;

import org.jekafo.keycloak.local.LocalKeycloak;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * On the {@code axonserver} profile, skips every end-to-end test class, before its Spring context starts and saying
 * why, where Axon Server or Keycloak cannot run; on the other profiles, changes nothing.
 */
public class AxonServerAvailable implements ExecutionCondition {

    private static final String ISSUER = "jekafo.security.issuer-uri";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestAxonServer.profileActive()) {
            return ConditionEvaluationResult.enabled("not the axonserver profile");
        }
        return TestAxonServer.unavailable()
                .or(() -> LocalKeycloak.javaMissing().map(reason -> "the axonserver profile trusts only an identity "
                        + "provider, and Keycloak cannot run: " + reason))
                .map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> {
                    trustKeycloak();
                    return ConditionEvaluationResult.enabled("Axon Server and Keycloak available");
                });
    }

    /**
     * The issuer as a system property, before the context starts: the server checks that it has one as soon as its
     * configuration is read, before the test's dynamic properties are added.
     */
    private static synchronized void trustKeycloak() {
        if (System.getProperty(ISSUER) == null) {
            System.setProperty(ISSUER, TestKeycloak.keycloak().issuerUri());
        }
    }
}
