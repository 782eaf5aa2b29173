package org.jekafo.app.platform.identity;


import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void mintsATokenSignedWithTheKeyOfTheDataFolder() throws Exception {
        String token = TokenCommand.mint(new String[]{"--role", "FIELD_AGENT", "--subject", "agent-1", "--unit", "SG-01",
                "--hours", "2", "--data-dir", dataDir.toString()});

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new RSASSAVerifier(SigningKey.of(dataDir).toRSAPublicKey()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("agent-1");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("FIELD_AGENT");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("unit")).isEqualTo("SG-01");
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("jekafo-local");
        assertThat(jwt.getJWTClaimsSet().getExpirationTime())
                .isBefore(Date.from(new Date().toInstant().plus(Duration.ofHours(2)).plusSeconds(5)));
    }

    @Test
    void theKeyIsCreatedOnceAndReadableByItsOwnerOnly() throws Exception {
        String first = SigningKey.of(dataDir).getKeyID();
        String second = SigningKey.of(dataDir).getKeyID();

        assertThat(second).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dataDir.resolve("security/signing-key.jwk")))).isEqualTo("rw-------");
    }

    @Test
    void refusesIncompleteOrUnknownRoles() {
        assertThatThrownBy(() -> TokenCommand.mint(new String[]{"--role", "CHAPTER_OFFICER", "--subject", "x",
                "--data-dir", dataDir.toString()})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenCommand.mint(new String[]{"--role", "SYSTEM", "--subject", "x",
                "--data-dir", dataDir.toString()})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SYSTEM");
        assertThatThrownBy(() -> TokenCommand.mint(new String[]{"--subject", "x"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--role");
    }
}

