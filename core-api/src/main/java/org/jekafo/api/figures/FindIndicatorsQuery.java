package org.jekafo.api.figures;

import java.time.LocalDate;

/**
 * Monitoring and evaluation indicators of the org unit {@code orgUnitId} and its subtree (the whole federation when
 * null), one point per period of {@code interval} from the period holding {@code from} to the one holding {@code to}
 * (dates in {@code Africa/Bamako}); answered with {@link IndicatorSeries}.
 */
public record FindIndicatorsQuery(String orgUnitId, LocalDate from, LocalDate to, IndicatorInterval interval) {

    /** The most points a series holds. */
    public static final int MAX_POINTS = 240;
}
