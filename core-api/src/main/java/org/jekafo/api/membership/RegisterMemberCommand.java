package org.jekafo.api.membership;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers an artisan. Without {@code cardNumber} one is assigned in the region of the local unit ({@code SG-000123}). A possible duplicate (same folded name, birth year and local unit) is refused unless {@code confirmPossibleDuplicate}. {@code phone} may be typed in any usual way. */
public record RegisterMemberCommand(@TargetAggregateIdentifier String memberId, String cardNumber, String lastName, String firstName, String gender, Integer birthYear, String phone, String nationalId, List<String> trades, String localUnitId, boolean disability, LocalDate enrolledOn, boolean confirmPossibleDuplicate) {
}
