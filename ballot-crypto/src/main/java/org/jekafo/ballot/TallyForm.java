package org.jekafo.ballot;

import java.util.ArrayList;
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

    private TallyForm() {
    }

    /** The tally form of a ballot, from its published text form (whose points and proofs are checked). */
    public static String of(String ballotText) {
        List<List<Ciphertext>> answers = EncryptedBallot.ciphertextsOf(ballotText);
        int size = 2;
        for (List<Ciphertext> options : answers) {
            size += 1 + options.size() * 2 * Group.UNCOMPRESSED_POINT_BYTES;
        }
        byte[] bytes = new byte[size];
        int at = 0;
        bytes[at++] = (byte) VERSION;
        bytes[at++] = (byte) answers.size();
        for (List<Ciphertext> options : answers) {
            bytes[at++] = (byte) options.size();
            for (Ciphertext ciphertext : options) {
                Group.writeUncompressedPoint(ciphertext.alpha(), bytes, at);
                Group.writeUncompressedPoint(ciphertext.beta(), bytes, at + Group.UNCOMPRESSED_POINT_BYTES);
                at += 2 * Group.UNCOMPRESSED_POINT_BYTES;
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
                ciphertexts.add(new Ciphertext(in.uncompressedPoint(), in.uncompressedPoint()));
            }
            answers.add(ciphertexts);
        }
        in.finish();
        return answers;
    }
}
