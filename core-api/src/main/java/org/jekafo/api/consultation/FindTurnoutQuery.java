package org.jekafo.api.consultation;

/** How many have voted so far; for an open ballot, the live count per option too. */
public record FindTurnoutQuery(String consultationId) {
}
