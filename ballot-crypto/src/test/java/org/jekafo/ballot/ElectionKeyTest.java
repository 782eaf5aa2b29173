package org.jekafo.ballot;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.jekafo.ballot.Fixtures.KEY;
import static org.jekafo.ballot.Fixtures.RANDOM;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ElectionKeyTest {

    @Test
    void anExportedPrivateKeyImportsToTheSameKeyPair() {
        byte[] exported = KEY.privateBytes();
        assertEquals(32, exported.length);
        ElectionKey imported = ElectionKey.fromPrivateBytes(exported);
        assertEquals(KEY.publicKey(), imported.publicKey());
        assertArrayEquals(exported, imported.privateBytes());
    }

    @Test
    void theImportedKeyDecryptsWhatWasEncryptedForTheOriginal() {
        Ciphertext five = KEY.publicKey().encrypt(5, RANDOM);
        ElectionKey imported = ElectionKey.fromPrivateBytes(KEY.privateBytes());
        assertEquals(5, imported.decrypt(five, new QuestionContext("c", "q"), 0, 10).value());
    }

    @Test
    void thePublicKeyTextIsACompressedPointInBase64Url() {
        String text = KEY.publicKey().encode();
        assertEquals(44, text.length());
        assertEquals(KEY.publicKey(), ElectionPublicKey.decode(text));
    }

    @Test
    void invalidPrivateKeysAreRefused() {
        assertThrows(MalformedEncodingException.class, () -> ElectionKey.fromPrivateBytes(new byte[32]));
        assertThrows(MalformedEncodingException.class, () -> ElectionKey.fromPrivateBytes(new byte[31]));
        byte[] order = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, Group.ORDER);
        assertThrows(MalformedEncodingException.class, () -> ElectionKey.fromPrivateBytes(order));
    }

    @Test
    void invalidPublicKeysAreRefused() {
        assertThrows(MalformedEncodingException.class, () -> ElectionPublicKey.decode(Base64Url.encode(new byte[33])));
        assertThrows(MalformedEncodingException.class, () -> ElectionPublicKey.decode("not a key"));
        byte[] bytes = Base64Url.decode(KEY.publicKey().encode());
        assertThrows(MalformedEncodingException.class,
                () -> ElectionPublicKey.decode(Base64Url.encode(Arrays.copyOf(bytes, 32))));
    }

    @Test
    void theKeyNeverPrintsItsSecret() {
        String secretHex = java.util.HexFormat.of().formatHex(KEY.privateBytes());
        assertFalse(KEY.toString().contains(secretHex));
        assertFalse(KEY.toString().contains(new java.math.BigInteger(1, KEY.privateBytes()).toString()));
    }

    @Test
    void twoGeneratedKeysDiffer() {
        assertNotEquals(ElectionKey.generate(RANDOM).publicKey(), ElectionKey.generate(RANDOM).publicKey());
    }
}
