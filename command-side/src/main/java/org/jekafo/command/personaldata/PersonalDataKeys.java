package org.jekafo.command.personaldata;

import javax.crypto.SecretKey;
import java.util.Optional;

/** One secret key per data subject (a member): the only way to read that subject's personal data. */
public interface PersonalDataKeys {

    /** The subject's key; created, within the current transaction, when the subject has none yet. */
    SecretKey keyFor(String subjectId);

    /** The subject's key, or empty when it never had one or it was destroyed. */
    Optional<SecretKey> existingKey(String subjectId);

    /** Destroys the subject's key, within the current transaction: its personal data can never be read again. */
    void destroy(String subjectId);
}
