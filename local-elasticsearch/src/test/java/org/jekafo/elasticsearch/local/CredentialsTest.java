package org.jekafo.elasticsearch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    @Test
    void authorizationIsHttpBasicOfUserAndPassword() {
        String authorization = new LocalElasticsearch.Credentials("jekafo", "s3cret").authorization();

        assertThat(authorization).startsWith("Basic ");
        assertThat(new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8))
                .isEqualTo("jekafo:s3cret");
    }

    @Test
    void textFormHidesThePassword() {
        assertThat(new LocalElasticsearch.Credentials("jekafo", "s3cret").toString())
                .contains("jekafo").doesNotContain("s3cret");
    }

    @Test
    void blankPasswordIsRefused() {
        assertThatThrownBy(() -> new LocalElasticsearch.Credentials("jekafo", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
