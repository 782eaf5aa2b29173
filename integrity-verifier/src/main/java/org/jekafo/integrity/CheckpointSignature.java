package org.jekafo.integrity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Ed25519 signatures of checkpoints, with the JDK's own implementation; keys as base64 of their standard encodings. */
public final class CheckpointSignature {

    private static final String ALGORITHM = "Ed25519";

    private CheckpointSignature() {
    }

    /** A new key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    /** {@code unsigned} (whose {@code publicKey} must be {@code keys}'s) signed with {@code keys}. */
    public static Checkpoint sign(Checkpoint unsigned, KeyPair keys) {
        if (!unsigned.publicKey().equals(encode(keys.getPublic()))) {
            throw new IllegalArgumentException("the checkpoint names another public key");
        }
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(keys.getPrivate());
            signer.update(unsigned.signedText());
            return unsigned.signed(Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
    }

    /**
     * Whether {@code checkpoint}'s signature is valid for the public key it names and, when {@code trustedKey}
     * (base64 X.509) is given, that key is the trusted one.
     */
    public static boolean verify(Checkpoint checkpoint, String trustedKey) {
        if (trustedKey != null && !trustedKey.strip().equals(checkpoint.publicKey())) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey(checkpoint.publicKey()));
            verifier.update(checkpoint.signedText());
            return verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String encode(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** The key pair of these two encodings ({@link #encode}). */
    public static KeyPair decode(String publicKey, String privateKey) {
        try {
            PrivateKey secret = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey.strip())));
            return new KeyPair(publicKey(publicKey.strip()), secret);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 key pair", e);
        }
    }

    private static PublicKey publicKey(String encoded) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded)));
    }
}
