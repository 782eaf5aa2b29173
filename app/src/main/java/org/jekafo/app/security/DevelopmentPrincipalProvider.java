package org.jekafo.app.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Stand-in until authentication exists: everyone acts as the configured development principal. */
@Component
class DevelopmentPrincipalProvider implements PrincipalProvider {

    private final ActingPrincipal principal;

    DevelopmentPrincipalProvider(@Value("${jekafo.development-principal.name}") String name,
                                 @Value("${jekafo.development-principal.role}") String role) {
        this.principal = new ActingPrincipal(name, role);
    }

    @Override
    public ActingPrincipal current() {
        return principal;
    }
}
