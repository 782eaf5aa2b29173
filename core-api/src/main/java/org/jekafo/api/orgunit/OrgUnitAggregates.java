package org.jekafo.api.orgunit;

/**
 * The aggregate type of the federation's units, as the event store records it with each event (and as history is
 * asked for it: {@code FindHistoryQuery}, GraphQL's {@code AggregateType}). Stored with every event: never renamed.
 */
public final class OrgUnitAggregates {

    /** A unit of the federation. */
    public static final String ORG_UNIT = "OrgUnit";

    private OrgUnitAggregates() {
    }
}
