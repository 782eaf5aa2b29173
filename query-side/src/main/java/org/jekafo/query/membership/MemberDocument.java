package org.jekafo.query.membership;

import org.jekafo.api.common.Gender;
import org.jekafo.api.membership.DuesPaymentView;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.membership.MemberView;
import org.jekafo.query.elasticsearch.VersionedDocument;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A member in the {@code jekafo-members} index (see {@code members.json} for the mapping). */
class MemberDocument extends VersionedDocument {
    public String memberId;
    public String cardNumber;
    public String lastName;
    public String firstName;
    /** Folded "last first" for accent-insensitive search. */
    public String nameFolded;
    /** Folded "last first" as one keyword, the stable sort order of lists. */
    public String sortName;
    public Gender gender;
    public Integer birthYear;
    public String phone;
    public String nationalId;
    public List<String> trades = new ArrayList<>();
    public String localUnitId;
    public boolean disability;
    public LocalDate enrolledOn;
    public MemberStatus status;
    public String statusReason;
    public List<DuesPaymentView> dues = new ArrayList<>();
    public Instant registeredAt;
    public Instant updatedAt;
    /** The local units the member was transferred out of: a tablet of those units is told it left. */
    public List<String> formerLocalUnitIds = new ArrayList<>();
    /** The global position of the last event applied to this member (the order of the changes feed). */
    public Long position;
    /** The names, phone and national ID read {@code effacé}, the birth year is null. */
    public boolean personalDataErased;

    @Override
    public String documentId() {
        return memberId;
    }

    MemberView toView(String regionId) {
        return new MemberView(memberId, cardNumber, lastName, firstName, gender, birthYear, phone, nationalId,
                List.copyOf(trades), localUnitId, regionId, disability, enrolledOn, status, statusReason,
                List.copyOf(dues), version, registeredAt, updatedAt, personalDataErased);
    }
}
