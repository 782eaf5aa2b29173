package org.jekafo.api.figures;

import java.util.List;

/** Indicators period by period, oldest first. */
public record IndicatorSeries(List<IndicatorPoint> points) {
}
