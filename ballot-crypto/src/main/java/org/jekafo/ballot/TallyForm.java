package org.jekafo.ballot;

import org.bouncycastle.math.ec.ECPoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A ballot's ciphertexts alone, with their points uncompressed: what a ballot box keeps beside the ballot so that
 * the tally reads each point without a square root. Reading a compressed point computes its y coordinate (about
 * 16 µs on P-256); an uncompressed one is only checked to be on the curve (about 2 µs), so the sums of a national
 * consultation come several times faster. It is a private working copy, never published: the published record keeps
 * the ballot in its canonical compressed form, with its proofs ({@link EncryptedBallot}).
 *
 * <p>Text form: base64url (unpadded) of: version {@value #VERSION}, number of questions, then for each question its
 * number of options and, for each option, alpha ‖ beta as 65-byte SEC1 uncompressed points (the point at infinity as
 * 65 zero bytes). The version differs from {@link EncryptedBallot#FORMAT_VERSION}, so {@link #ciphertexts} reads
 * either form.
 */
public final class TallyForm {

    static final int VERSION = 0x54;
    private static final int POINT_BYTES = 65;
    private static final byte[] INFINITY = new byte[POINT_BYTES];

    private TallyForm() {
    }

    /** The tally form of a ballot, from its published text form (whose points and proofs are checked). */
    public static String of(String ballotText) {
        List<List<Ciphertext>> answers = EncryptedBallot.ciphertextsOf(ballotText);
        int size = 2;
        for (List<Ciphertext> options : answers) {
            size += 1 + options.size() * 2 * POINT_BYTES;
        }
        byte[] bytes = new byte[size];
        int at = 0;
        bytes[at++] = (byte) VERSION;
        bytes[at++] = (byte) answers.size();
        for (List<Ciphertext> options : answers) {
            bytes[at++] = (byte) options.size();
            for (Ciphertext ciphertext : options) {
                at = write(ciphertext.alpha(), bytes, at);
                at = write(ciphertext.beta(), bytes, at);
            }
        }
        return Base64Url.encode(bytes);
    }

    /**
     * The ciphertexts of a ballot given in either form, question by question, option by option: the tally form read
     * fast, the published form through {@link EncryptedBallot#ciphertextsOf}. Every point is checked to be on the curve.
     */
    public static List<List<Ciphertext>> ciphertexts(String text) {
        byte[] bytes = Base64Url.decode(text);
        if (bytes.length == 0 || (bytes[0] & 0xff) != VERSION) {
            return EncryptedBallot.ciphertextsOf(text);
        }
        ByteReader in = new ByteReader(bytes);
        in.unsignedByte();
        int questions = in.unsignedByte();
        List<List<Ciphertext>> answers = new ArrayList<>(questions);
        for (int q = 0; q < questions; q++) {
            int options = in.unsignedByte();
            List<Ciphertext> ciphertexts = new ArrayList<>(options);
            for (int o = 0; o < options; o++) {
                ciphertexts.add(new Ciphertext(point(in), point(in)));
            }
            answers.add(ciphertexts);
        }
        in.finish();
        return answers;
    }

    private static int write(ECPoint point, byte[] target, int at) {
        byte[] encoded = point.isInfinity() ? INFINITY : point.getEncoded(false);
        System.arraycopy(encoded, 0, target, at, POINT_BYTES);
        return at + POINT_BYTES;
    }

    private static ECPoint point(ByteReader in) {
        byte[] encoded = in.bytes(POINT_BYTES);
        if (Arrays.equals(encoded, INFINITY)) {
            return Group.infinity();
        }
        if (encoded[0] != 0x04) {
            throw new MalformedEncodingException("point is not in uncompressed form");
        }
        try {
            return Group.CURVE.decodePoint(encoded); // checks that the point is on the curve
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new MalformedEncodingException("not a point of P-256");
        }
    }
}
