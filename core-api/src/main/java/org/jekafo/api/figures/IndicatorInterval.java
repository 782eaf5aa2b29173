package org.jekafo.api.figures;

/** The length of the periods of an indicator series. */
public enum IndicatorInterval {
    MONTH, QUARTER, YEAR
}
