package org.jekafo.app.platform.identity;

import org.jekafo.app.TestAxonServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production (profile {@code axonserver}) refuses to start without an identity provider. The application started here
 * has no bean at all but the configuration files of the real one: the refusal comes from the configuration alone,
 * before any connection to PostgreSQL or Axon Server could be tried.
 */
@ExtendWith(OutputCaptureExtension.class)
class IdentityProviderRequirementTest {

    @Test
    void productionWithoutIssuerRefusesToStartSayingWhatToSetInFrenchAndEnglish(CapturedOutput output) {
        assertThatThrownBy(() -> start("axonserver", "--jekafo.security.issuer-uri="))
                .isInstanceOf(IdentityProviderRequirement.MissingIdentityProviderException.class)
                .hasMessageContaining("JEKAFO_ISSUER_URI")
                .hasMessageContaining("aucun fournisseur d'identité").hasMessageContaining("No identity provider");

        assertThat(output).contains("IDENTITY_PROVIDER_MISSING").contains("JEKAFO_ISSUER_URI");
    }

    @Test
    void productionWithAnIssuerStarts() {
        try (ConfigurableApplicationContext context = start("axonserver",
                "--jekafo.security.issuer-uri=https://idp.example/realms/jekafo")) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void theZeroSetupDefaultStillSignsItsOwnTokens() {
        Assumptions.assumeFalse(TestAxonServer.profileActive(), "this JVM runs the axonserver profile");
        try (ConfigurableApplicationContext context = start("default", "--jekafo.security.issuer-uri=")) {
            assertThat(context.getEnvironment().getProperty("jekafo.security.require-issuer", Boolean.class)).isFalse();
        }
    }

    @Test
    void theLocalKeyIsNeverChosenWhereAnIssuerIsRequired() {
        new ApplicationContextRunner().withUserConfiguration(SecurityConfiguration.class)
                .withPropertyValues("jekafo.security.require-issuer=true", "jekafo.security.issuer-uri=",
                        "jekafo.data-dir=" + System.getProperty("java.io.tmpdir"))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("JEKAFO_ISSUER_URI"));
    }

    private static ConfigurableApplicationContext start(String profile, String... arguments) {
        return new SpringApplicationBuilder(NoBeans.class).profiles(profile).web(WebApplicationType.NONE)
                .run(arguments);
    }

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }
}
