package org.jekafo.api.membership;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jekafo.api.common.EventName;

import java.time.LocalDate;

/** A dues payment was recorded, in whole FCFA. */
@EventName(value = "DuesPaymentRecordedEvent", revision = "1")
public record DuesPaymentRecordedEvent(@JsonProperty("memberId") String memberId, @JsonProperty("year") int year,
        @JsonProperty("amountFcfa") long amountFcfa, @JsonProperty("receiptNumber") String receiptNumber,
        @JsonProperty("paidOn") LocalDate paidOn) {
}
