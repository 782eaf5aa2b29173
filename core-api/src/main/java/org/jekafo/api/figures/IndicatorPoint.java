package org.jekafo.api.figures;

import java.time.LocalDate;

/**
 * The indicators of one period, from {@code start} (included) to {@code end} (excluded): the members at its end (not
 * resigned nor deceased then: active or suspended) and the women among them; the members registered during it and
 * the women among them; the consultations tallied during it (owned by the unit or one below), the members eligible
 * to them and the women among them, their voters and the women among them. A women's count of voters or eligible is
 * null when a consultation suppressed it (a secret ballot's small group).
 */
public record IndicatorPoint(LocalDate start, LocalDate end, long members, long women, long registrations,
                             long registeredWomen, long consultationsHeld, long eligible, Long eligibleWomen,
                             long voters, Long womenVoters) {
}
