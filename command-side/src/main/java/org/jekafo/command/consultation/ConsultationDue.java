package org.jekafo.command.consultation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a consultation's deadlines (opening, closing, tally) carry: stored with them until they fire. */
public record ConsultationDue(@JsonProperty("consultationId") String consultationId) {
}
