package org.jekafo.ballot;

import java.util.Base64;

/** base64url without padding (RFC 4648 §5), strict: a text that does not re-encode to itself is refused. */
final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    static byte[] decode(String text) {
        if (text == null || text.indexOf('=') >= 0) {
            throw new MalformedEncodingException("not unpadded base64url");
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedEncodingException("not unpadded base64url");
        }
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new MalformedEncodingException("non-canonical base64url");
        }
        return bytes;
    }
}
