package org.jekafo.integrity;

/**
 * One broken place: its kind, where (chain sequence and global index, when known), the event and aggregate
 * concerned (when known) and a French sentence saying what was found.
 */
public record Finding(TamperKind kind, Long chainSequence, Long globalIndex, String eventIdentifier,
                      String aggregateIdentifier, String message) {

    /** One line for the command line. */
    public String line() {
        return kind + " position " + (chainSequence == null ? "-" : chainSequence) + " index "
                + (globalIndex == null ? "-" : globalIndex) + (eventIdentifier == null ? "" : " événement " + eventIdentifier)
                + (aggregateIdentifier == null ? "" : " agrégat " + aggregateIdentifier) + " : " + message;
    }
}
