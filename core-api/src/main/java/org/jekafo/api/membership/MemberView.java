package org.jekafo.api.membership;

import org.jekafo.api.common.Masks;
import org.jekafo.api.common.PersonalDataView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jekafo.api.common.Gender;

/**
 * A member as the census shows it now. {@code version} is the sequence number of the last event applied. Once
 * {@code personalDataErased}, the names, phone and national ID read {@code effacé} and the birth year is null.
 */
public record MemberView(String memberId, String cardNumber, String lastName, String firstName, Gender gender, Integer birthYear, String phone, String nationalId, List<String> trades, String localUnitId, String regionId, boolean disability, LocalDate enrolledOn, MemberStatus status, String statusReason, List<DuesPaymentView> dues, long version, Instant registeredAt, Instant updatedAt, boolean personalDataErased) implements PersonalDataView<MemberView> {

    @Override
    public List<String> dataSubjects() {
        return List.of(memberId);
    }

    @Override
    public MemberView masked() {
        return new MemberView(memberId, cardNumber, lastName, firstName, gender, birthYear, Masks.phone(phone),
                Masks.nationalId(nationalId), trades, localUnitId, regionId, disability, enrolledOn, status, statusReason,
                dues, version, registeredAt, updatedAt, personalDataErased);
    }

}
