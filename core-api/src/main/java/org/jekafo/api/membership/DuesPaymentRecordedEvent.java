package org.jekafo.api.membership;

import java.time.LocalDate;

/** A dues payment was recorded, in whole FCFA. */
public record DuesPaymentRecordedEvent(String memberId, int year, long amountFcfa, String receiptNumber, LocalDate paidOn) {
}
