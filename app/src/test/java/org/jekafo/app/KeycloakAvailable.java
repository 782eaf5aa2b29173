package org.jekafo.app;

import org.jekafo.keycloak.local.LocalKeycloak;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class that needs Keycloak, before its Spring context starts, when no JDK can run it (Keycloak 26
 * needs Java 21 or later), saying which and how to name one.
 */
public class KeycloakAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return LocalKeycloak.javaMissing()
                .map(reason -> ConditionEvaluationResult.disabled("Keycloak " + LocalKeycloak.version()
                        + " not tested: " + reason))
                .orElseGet(() -> ConditionEvaluationResult.enabled("Keycloak " + LocalKeycloak.version() + " runs on "
                        + LocalKeycloak.java().orElseThrow()));
    }
}
