package org.jekafo.ballot;

/**
 * A published or stored text that is not the canonical encoding of what it claims to be (a key, a ballot, a
 * ciphertext, a decryption). Decoding is strict: any other spelling of the same value is refused too, so that a
 * fingerprint names exactly one text.
 */
public final class MalformedEncodingException extends IllegalArgumentException {

    public MalformedEncodingException(String message) {
        super(message);
    }
}
