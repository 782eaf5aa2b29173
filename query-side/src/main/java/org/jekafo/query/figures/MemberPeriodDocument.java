package org.jekafo.query.figures;

import org.jekafo.api.common.Gender;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.query.elasticsearch.VersionedDocument;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One period of one member in the {@code jekafo-member-periods} index (see {@code member-periods.json}): from
 * {@code validFrom} (included) to {@code validTo} (excluded; absent while it lasts) the member's status, gender,
 * local unit, trades and disability were these. The period that lasts has the member's id as its document id; a
 * closed one the member's id and the sequence number of the event that opened it ({@code memberId@3}). No personal
 * data: gender and disability are not erased (only names, phone, national id, birth year and reasons are).
 */
class MemberPeriodDocument extends VersionedDocument {
    public String periodId;
    public String memberId;
    public Instant validFrom;
    public Instant validTo;
    public long fromSequence;
    public Instant registeredAt;
    /** The period the registration opened: counts the member among the month's new registrations. */
    public boolean first;
    public MemberStatus status;
    public Gender gender;
    public String localUnitId;
    public List<String> trades = new ArrayList<>();
    public boolean disability;

    @Override
    public String documentId() {
        return periodId;
    }

    /** This period, closed at {@code at}, under its own id. */
    MemberPeriodDocument closedAt(Instant at) {
        MemberPeriodDocument closed = new MemberPeriodDocument();
        closed.periodId = memberId + "@" + fromSequence;
        closed.memberId = memberId;
        closed.validFrom = validFrom;
        closed.validTo = at;
        closed.fromSequence = fromSequence;
        closed.registeredAt = registeredAt;
        closed.first = first;
        closed.status = status;
        closed.gender = gender;
        closed.localUnitId = localUnitId;
        closed.trades = new ArrayList<>(trades);
        closed.disability = disability;
        return closed;
    }

    /** What the figures count: two periods with the same are one. */
    List<Object> counted() {
        return List.of(Objects.toString(status), Objects.toString(gender), Objects.toString(localUnitId),
                List.copyOf(trades), disability);
    }
}
