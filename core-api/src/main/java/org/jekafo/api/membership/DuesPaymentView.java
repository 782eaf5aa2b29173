package org.jekafo.api.membership;

import java.time.LocalDate;

/** One dues payment, in whole FCFA. */
public record DuesPaymentView(int year, long amountFcfa, String receiptNumber, LocalDate paidOn) {
}
