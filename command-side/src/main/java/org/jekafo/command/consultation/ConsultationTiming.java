package org.jekafo.command.consultation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * How long after closing the tally waits: a ballot accepted just before the closing time may still be committing
 * (a ballot is refused from the closing time on, so nothing later can arrive).
 */
@Component
public class ConsultationTiming {

    private final Duration tallyGrace;

    public ConsultationTiming(@Value("${jekafo.consultations.tally-grace:10s}") Duration tallyGrace) {
        this.tallyGrace = tallyGrace;
    }

    public Duration tallyGrace() {
        return tallyGrace;
    }
}
