package org.jekafo.command.consultation;

import java.util.Optional;

/** Command-side look-up of consultations: a ballot's rules, and the gate's reach (the owner unit). */
public interface ConsultationDirectory {

    Optional<ConsultationEntry> find(String consultationId);
}
