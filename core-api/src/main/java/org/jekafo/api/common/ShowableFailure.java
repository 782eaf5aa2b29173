package org.jekafo.api.common;

/**
 * A failure whose message quotes no personal value and says, in French, what an operator can do about it: it may
 * be shown as it is where failures are reported (a parked event's reason, health), unlike any other exception's
 * message, which may quote the values of the event or command that failed.
 */
public interface ShowableFailure {
}
