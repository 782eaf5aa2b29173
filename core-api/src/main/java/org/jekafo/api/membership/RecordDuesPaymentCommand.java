package org.jekafo.api.membership;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a dues payment in whole FCFA, identified by its receipt number; repeating the same receipt changes nothing. */
public record RecordDuesPaymentCommand(@TargetAggregateIdentifier String memberId, int year, long amountFcfa, String receiptNumber, LocalDate paidOn) {
}
