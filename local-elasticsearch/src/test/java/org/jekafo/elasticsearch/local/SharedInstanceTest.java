package org.jekafo.elasticsearch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharedInstanceTest {

    @Test
    void systemPropertyWinsOverEnvironmentVariable() {
        assertThat(SharedInstance.externalUrl("http://from-property:9200", "http://from-environment:9200"))
                .contains("http://from-property:9200");
    }

    @Test
    void environmentVariableIsUsedWithoutSystemProperty() {
        assertThat(SharedInstance.externalUrl(null, "http://from-environment:9200"))
                .contains("http://from-environment:9200");
    }

    @Test
    void blankOrMissingSettingsMeanStartingAServer() {
        assertThat(SharedInstance.externalUrl(" ", null)).isEmpty();
    }

    @Test
    void trailingSlashIsDropped() {
        assertThat(SharedInstance.externalUrl("http://search:9200/", null)).contains("http://search:9200");
    }

    @Test
    void externalHandleAnswersTheGivenUrlAndHasNoProcess() {
        LocalElasticsearch external = LocalElasticsearch.external("http://search:9200", null);

        assertThat(external.url()).isEqualTo("http://search:9200");
        assertThat(external.process()).isEmpty();
        assertThat(external.credentials()).isEmpty();
    }

    @Test
    void externalServerHasCredentialsWhenUserAndPasswordAreBothGiven() {
        assertThat(SharedInstance.externalCredentials(Optional.of("jekafo"), Optional.of("s3cret")))
                .contains(new LocalElasticsearch.Credentials("jekafo", "s3cret"));
    }

    @Test
    void externalServerHasNoCredentialsWithoutPassword() {
        assertThat(SharedInstance.externalCredentials(Optional.of("jekafo"), Optional.empty())).isEmpty();
    }
}
