package org.jekafo.command.personaldata;

import org.axonframework.serialization.SerializationException;
import org.jekafo.api.common.ShowableFailure;

/**
 * An event holds personal data of a subject that has no key row at all: neither a key nor the mark of an
 * erasure. Never read as "erased": the event fails where it is read (a projection parks it as a dead letter
 * and health reports it) until the key is restored, e.g. from the backup of the key table.
 */
public class MissingPersonalDataKeyException extends SerializationException implements ShowableFailure {

    public MissingPersonalDataKeyException(String subjectId) {
        super("Aucune clé de données personnelles pour " + subjectId + " (jamais créée ici, ou sa ligne a été perdue) : "
                + "ses données ne sont ni lisibles ni effacées. Restaurez sa ligne de la table personal_data_key "
                + "(depuis sa sauvegarde), puis relancez l'événement.");
    }
}
