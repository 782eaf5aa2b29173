package org.jekafo.app.platform.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Production trusts an identity provider, never itself: with {@code jekafo.security.require-issuer} (true on the
 * {@code axonserver} profile) and no {@code jekafo.security.issuer-uri} ({@code JEKAFO_ISSUER_URI}), the server refuses
 * to start, before any connection to a database or Axon Server is tried, rather than sign its own tokens with a key
 * of the machine it happens to run on. Checked as soon as the configuration is read (registered in
 * {@code META-INF/spring.factories}, after the logging system is set up so that the refusal is logged as every other
 * line), and again where the local key would be chosen ({@link SecurityConfiguration#jwtDecoder}).
 */
public final class IdentityProviderRequirement
        implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String REQUIRED = "jekafo.security.require-issuer";
    static final String ISSUER = "jekafo.security.issuer-uri";
    static final String CODE = "IDENTITY_PROVIDER_MISSING";
    static final String MESSAGE = CODE + ": aucun fournisseur d'identité. Ce profil de production exige "
            + "JEKAFO_ISSUER_URI (" + ISSUER + "), l'URL du royaume Keycloak, p. ex. https://idp.example/realms/jekafo ; "
            + "le serveur ne signe pas lui-même ses jetons en production. / No identity provider. This production "
            + "profile requires JEKAFO_ISSUER_URI (" + ISSUER + "), the URL of the Keycloak realm, e.g. "
            + "https://idp.example/realms/jekafo; the server does not sign its own tokens in production.";

    private static final Logger LOG = LoggerFactory.getLogger(IdentityProviderRequirement.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        check(environment.getProperty(REQUIRED, Boolean.class, false), environment.getProperty(ISSUER, ""));
    }

    /** Refuses a missing issuer where one is required; logs the refusal once, in both languages. */
    static void check(boolean required, String issuerUri) {
        if (required && (issuerUri == null || issuerUri.isBlank())) {
            LOG.error(MESSAGE);
            throw new MissingIdentityProviderException();
        }
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    /** The server may not start: production without an identity provider. */
    public static final class MissingIdentityProviderException extends IllegalStateException {

        MissingIdentityProviderException() {
            super(MESSAGE);
        }
    }
}
