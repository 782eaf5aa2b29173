package org.jekafo.ballot;

import org.bouncycastle.crypto.digests.SHA256Digest;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A secret ballot: the encrypted answers to every question of a consultation, in the form's order. It says
 * nothing about who cast it. Its canonical form ({@link #toBytes}, and as text {@link #encode}) is what is stored
 * and published; the fingerprint is the SHA-256 of those bytes and the receipt code is read from the fingerprint.
 *
 * <p>Binary format, version 1 (README, "Ballot format"):
 * <pre>
 * ballot     = 0x01 questionCount:u8 answer{questionCount}
 * answer     = optionCount:u8 (ciphertext proof){optionCount} proof      (the last proof is the count proof)
 * ciphertext = alpha:point beta:point
 * proof      = branchCount:u8 (A:point B:point challenge:scalar response:scalar){branchCount}
 * point      = 33 bytes, SEC1 compressed;  scalar = 32 bytes big-endian, below the group order
 * </pre>
 */
public record EncryptedBallot(List<EncryptedAnswer> answers) {

    /** The version byte that opens every ballot of this format. */
    public static final int FORMAT_VERSION = 1;

    public EncryptedBallot {
        answers = List.copyOf(answers);
    }

    /**
     * Encrypts one choice vector per question of the form (each a 0 or 1 per option) and proves each valid.
     *
     * @throws IllegalArgumentException when the number of vectors is not the number of questions or a question's
     *                                  rule refuses its vector
     */
    public static EncryptedBallot encrypt(ElectionPublicKey key, BallotForm form, List<int[]> choices,
                                          SecureRandom random) {
        if (choices.size() != form.questions().size()) {
            throw new IllegalArgumentException("one choice vector per question");
        }
        List<EncryptedAnswer> answers = new ArrayList<>(choices.size());
        for (int q = 0; q < choices.size(); q++) {
            answers.add(EncryptedAnswer.encrypt(key, form.context(q), form.rule(q), choices.get(q), random));
        }
        return new EncryptedBallot(answers);
    }

    /** Whether every answer verifies against the form under the key. */
    public boolean verify(ElectionPublicKey key, BallotForm form) {
        return findFlaw(key, form).isEmpty();
    }

    /**
     * The first flaw of this ballot, or empty when every proof verifies. All the ballot's equations are checked in
     * one batch; only when it fails are the proofs checked one by one to name the flaw.
     */
    public Optional<BallotFlaw> findFlaw(ElectionPublicKey key, BallotForm form) {
        if (answers.size() != form.questions().size()) {
            return Optional.of(new BallotFlaw(BallotFlaw.Kind.WRONG_SHAPE, -1, -1));
        }
        LinearCheck check = new LinearCheck(key, Verifier.random());
        for (int q = 0; q < answers.size(); q++) {
            Optional<BallotFlaw> flaw = answers.get(q).addTo(check, key, form.context(q), form.rule(q), q);
            if (flaw.isPresent()) {
                return flaw;
            }
        }
        if (check.holds()) {
            return Optional.empty();
        }
        for (int q = 0; q < answers.size(); q++) {
            Optional<BallotFlaw> flaw = answers.get(q).findFlaw(key, form.context(q), form.rule(q), q);
            if (flaw.isPresent()) {
                return flaw;
            }
        }
        throw new IllegalStateException("a failed batch with no failing proof");
    }

    /** The canonical bytes (format above). */
    public byte[] toBytes() {
        ByteWriter out = new ByteWriter().unsignedByte(FORMAT_VERSION).unsignedByte(answers.size());
        for (EncryptedAnswer answer : answers) {
            answer.write(out);
        }
        return out.toBytes();
    }

    /** The canonical text: base64url, unpadded, of {@link #toBytes}. */
    public String encode() {
        return Base64Url.encode(toBytes());
    }

    /** Reads canonical bytes; anything else, including another spelling of the same ballot, is refused. */
    public static EncryptedBallot fromBytes(byte[] bytes) {
        ByteReader in = new ByteReader(bytes);
        if (in.unsignedByte() != FORMAT_VERSION) {
            throw new MalformedEncodingException("unknown ballot format version");
        }
        int count = in.unsignedByte();
        List<EncryptedAnswer> answers = new ArrayList<>(count);
        for (int q = 0; q < count; q++) {
            answers.add(EncryptedAnswer.read(in));
        }
        in.finish();
        return new EncryptedBallot(answers);
    }

    /**
     * Only the ciphertexts of a ballot's text, per question and option, its proofs passed over undecoded: what a tally
     * adds up, about a third of the cost of {@link #decode}. Checks the format as far as it reads; it verifies
     * nothing (ballots are verified when cast, and by {@link Recount}).
     */
    public static List<List<Ciphertext>> ciphertextsOf(String text) {
        ByteReader in = new ByteReader(Base64Url.decode(text));
        if (in.unsignedByte() != FORMAT_VERSION) {
            throw new MalformedEncodingException("unknown ballot format version");
        }
        int count = in.unsignedByte();
        List<List<Ciphertext>> answers = new ArrayList<>(count);
        for (int q = 0; q < count; q++) {
            int options = in.unsignedByte();
            List<Ciphertext> choices = new ArrayList<>(options);
            for (int o = 0; o < options; o++) {
                choices.add(in.ciphertext());
                DisjunctiveProof.skip(in);
            }
            DisjunctiveProof.skip(in);
            answers.add(choices);
        }
        in.finish();
        return answers;
    }

    public static EncryptedBallot decode(String text) {
        return fromBytes(Base64Url.decode(text));
    }

    /** SHA-256 of the canonical bytes: what names this ballot in the published list. */
    public byte[] fingerprint() {
        byte[] bytes = toBytes();
        SHA256Digest digest = new SHA256Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** The fingerprint in lowercase hexadecimal, 64 characters. */
    public String fingerprintHex() {
        return HexFormat.of().formatHex(fingerprint());
    }

    /** The voter's short receipt, read from the fingerprint. */
    public ReceiptCode receiptCode() {
        return ReceiptCode.of(fingerprint());
    }
}
