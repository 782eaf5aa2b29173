package org.jekafo.app.platform.identity;

import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sealing cursors to their caller and query, without the server. */
class CursorSealTest {

    private static final ActingPrincipal AWA = new ActingPrincipal("awa", Role.EXECUTIVE_BUREAU, null, null);
    private static final byte[] POSITION = "traore aminata\u0000m-1".getBytes(StandardCharsets.UTF_8);

    private final CursorSeal seal = new CursorSeal("une clé de curseurs assez longue pour les tests".getBytes(
            StandardCharsets.UTF_8));

    @Test
    void aSealedCursorOpensForItsCallerAndQuery() {
        String cursor = seal.seal("members", AWA, "gender:1:F", POSITION);

        assertThat(seal.open("members", AWA, "gender:1:F", cursor)).hasValue(POSITION);
    }

    @Test
    void aCursorDoesNotOpenForAnotherCallerRoleUnitOrMember() {
        String cursor = seal.seal("members", AWA, "", POSITION);

        assertThat(seal.open("members", new ActingPrincipal("fanta", Role.EXECUTIVE_BUREAU, null, null), "", cursor))
                .isEmpty();
        assertThat(seal.open("members", new ActingPrincipal("awa", Role.AUDITOR, null, null), "", cursor)).isEmpty();
        assertThat(seal.open("members", new ActingPrincipal("awa", Role.EXECUTIVE_BUREAU, "SG", null), "", cursor))
                .isEmpty();
        assertThat(seal.open("members", new ActingPrincipal("awa", Role.EXECUTIVE_BUREAU, null, "m-1"), "", cursor))
                .isEmpty();
    }

    @Test
    void aCursorDoesNotOpenForAnotherQueryOrKind() {
        String cursor = seal.seal("members", AWA, "gender:1:F", POSITION);

        assertThat(seal.open("members", AWA, "gender:1:M", cursor)).isEmpty();
        assertThat(seal.open("members", AWA, "", cursor)).isEmpty();
        assertThat(seal.open("personal-data-accesses", AWA, "gender:1:F", cursor)).isEmpty();
    }

    @Test
    void aCursorAlteredInAnyBitOfAnyByteDoesNotOpen() {
        byte[] raw = Base64.getUrlDecoder().decode(seal.seal("members", AWA, "", POSITION));

        for (int i = 0; i < raw.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] altered = raw.clone();
                altered[i] ^= (byte) (1 << bit);
                String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
                assertThat(seal.open("members", AWA, "", cursor)).as("byte %d, bit %d", i, bit).isEmpty();
            }
        }
        assertThat(seal.open("members", AWA, "", Base64.getUrlEncoder().withoutPadding()
                .encodeToString(java.util.Arrays.copyOf(raw, raw.length - 1)))).as("shortened").isEmpty();
    }

    @Test
    void aCursorHidesWhatItHolds() {
        String cursor = seal.seal("members", AWA, "", POSITION);

        assertThat(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.ISO_8859_1))
                .doesNotContain("traore").doesNotContain("m-1");
    }

    @Test
    void theSamePositionGivesTheSameCursorAndAnotherPositionAnotherNonce() {
        byte[] first = Base64.getUrlDecoder().decode(seal.seal("members", AWA, "", POSITION));
        byte[] again = Base64.getUrlDecoder().decode(seal.seal("members", AWA, "", POSITION));
        byte[] other = Base64.getUrlDecoder().decode(seal.seal("members", AWA, "",
                "traore aminata\u0000m-2".getBytes(StandardCharsets.UTF_8)));

        assertThat(again).isEqualTo(first);
        assertThat(java.util.Arrays.copyOfRange(other, 1, 13)).isNotEqualTo(java.util.Arrays.copyOfRange(first, 1, 13));
    }

    @Test
    void aCursorOfAnotherServerKeyDoesNotOpen() {
        CursorSeal other = new CursorSeal("une autre clé de curseurs, assez longue elle aussi".getBytes(
                StandardCharsets.UTF_8));

        assertThat(seal.open("members", AWA, "", other.seal("members", AWA, "", POSITION))).isEmpty();
    }

    @Test
    void garbageDoesNotOpen() {
        for (String garbage : new String[]{"", "not a cursor!", "%%%", "bTptLTE", "AQ"}) {
            assertThat(seal.open("members", AWA, "", garbage)).as(garbage).isEmpty();
        }
    }

    @Test
    void withoutConfiguredKeyTheSecretIsCreatedOnceInTheDataFolderForItsOwnerOnly(@TempDir Path dataDir)
            throws Exception {
        CursorSeal first = new CursorSeal("", dataDir);
        CursorSeal restarted = new CursorSeal("", dataDir);

        assertThat(restarted.open("members", AWA, "", first.seal("members", AWA, "", POSITION))).hasValue(POSITION);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dataDir.resolve("security/cursor-key")))).isEqualTo("rw-------");
    }

    @Test
    void aConfiguredKeyIsSharedByEveryInstanceWhateverTheirDataFolder(@TempDir Path one, @TempDir Path two) {
        String key = "clé partagée par toutes les instances du serveur";

        CursorSeal first = new CursorSeal(key, one);
        CursorSeal second = new CursorSeal(key, two);

        assertThat(second.open("members", AWA, "", first.seal("members", AWA, "", POSITION))).hasValue(POSITION);
        assertThat(one.resolve("security/cursor-key")).doesNotExist();
    }

    @Test
    void aConfiguredKeyTooShortToBeSecretIsRefusedAtStart(@TempDir Path dataDir) {
        assertThatThrownBy(() -> new CursorSeal("court", dataDir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cursor-key");
    }
}
