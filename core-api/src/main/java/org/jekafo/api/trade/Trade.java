package org.jekafo.api.trade;

/** A trade (corps de métier) of the census, with its branch: ART, PRODUCTION or SERVICE. */
public record Trade(String code, String branch, String labelFr) {
}
