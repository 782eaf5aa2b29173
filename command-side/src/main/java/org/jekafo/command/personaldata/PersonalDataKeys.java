package org.jekafo.command.personaldata;

import javax.crypto.SecretKey;
import java.util.Collection;
import java.util.Optional;

/**
 * One secret key per data subject (a member): the only way to read that subject's personal data.
 *
 * <p>A key is always committed before any event encrypted with it can be stored, whichever store (the same
 * database, or Axon Server) commits the event and in whatever order: so an event never exists without its
 * key. An erasure does not delete the key's row but empties it, so that "erased" is a recorded fact and a
 * missing row means something is wrong, never that the subject was erased.
 */
public interface PersonalDataKeys {

    /**
     * The subject's key. When the subject has none yet, one is created and committed at once, outside the
     * current transaction (if that transaction rolls back, the key stays, unused: it protects and reveals
     * nothing). Refused for a subject whose key was destroyed.
     */
    SecretKey keyFor(String subjectId);

    /** Creates and commits, in one transaction, the keys of those subjects that have none (the census import's block). */
    void prepare(Collection<String> subjectIds);

    /**
     * The subject's key; empty when it was destroyed (the subject's data was erased).
     *
     * @throws MissingPersonalDataKeyException when the subject never had a key here: the event being read was
     *                                         stored without its key (a restored backup, a manual change)
     */
    Optional<SecretKey> existingKey(String subjectId);

    /** Destroys the subject's key, within the current transaction: its personal data can never be read again. Idempotent. */
    void destroy(String subjectId);

    /** Whether the subject's key was destroyed. */
    boolean isDestroyed(String subjectId);
}
