package org.jekafo.query.orgunit;

import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.query.elasticsearch.VersionedDocument;

import java.time.Instant;

/**
 * One period of one unit in the {@code jekafo-org-unit-periods} index (see {@code org-unit-periods.json}): from
 * {@code validFrom} (included) to {@code validTo} (excluded; absent while it lasts) the unit had this code, name,
 * level, parent and state. The period that lasts has the unit's id as its document id; a closed one the unit's id and
 * the sequence number of the event that opened it ({@code ou-sg-05@2}).
 */
class OrgUnitPeriodDocument extends VersionedDocument {
    public String periodId;
    public String orgUnitId;
    public String code;
    public String name;
    public OrgUnitLevel level;
    public String parentId;
    public boolean closed;
    public Instant validFrom;
    public Instant validTo;
    public long fromSequence;

    @Override
    public String documentId() {
        return periodId;
    }

    /** This period, closed at {@code at}, under its own id. */
    OrgUnitPeriodDocument closedAt(Instant at) {
        OrgUnitPeriodDocument closedPeriod = new OrgUnitPeriodDocument();
        closedPeriod.periodId = orgUnitId + "@" + fromSequence;
        closedPeriod.orgUnitId = orgUnitId;
        closedPeriod.code = code;
        closedPeriod.name = name;
        closedPeriod.level = level;
        closedPeriod.parentId = parentId;
        closedPeriod.closed = closed;
        closedPeriod.validFrom = validFrom;
        closedPeriod.validTo = at;
        closedPeriod.fromSequence = fromSequence;
        return closedPeriod;
    }

    /** Whether the unit was this during {@code at}. */
    boolean holdsAt(Instant at) {
        return !validFrom.isAfter(at) && (validTo == null || at.isBefore(validTo));
    }

    /** Whether the unit was this at some instant of {@code [from, until)}, either end open when null. */
    boolean overlaps(Instant from, Instant until) {
        return (until == null || validFrom.isBefore(until)) && (from == null || validTo == null || validTo.isAfter(from));
    }

    /** The unit as this period shows it, as the org-units index would have held it then. */
    OrgUnitDocument unit() {
        OrgUnitDocument unit = new OrgUnitDocument();
        unit.orgUnitId = orgUnitId;
        unit.code = code;
        unit.name = name;
        unit.level = level;
        unit.parentId = parentId;
        unit.closed = closed;
        unit.version = fromSequence;
        return unit;
    }
}
