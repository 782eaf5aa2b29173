package org.jekafo.command.personaldata;

import org.axonframework.serialization.SerializationException;

/**
 * An event holds personal data of a subject that has no key row at all: neither a key nor the mark of an
 * erasure. Never read as "erased": the event fails where it is read (a projection parks it as a dead letter
 * and health reports it) until the key is restored, e.g. from the backup of the key table.
 */
public class MissingPersonalDataKeyException extends SerializationException {

    public MissingPersonalDataKeyException(String subjectId) {
        super("no personal-data key for subject " + subjectId + " (never created here, or its row was lost): "
                + "its data is neither readable nor erased");
    }
}
