package org.jekafo.command.membership;

import java.util.List;
import java.util.Optional;

/** Command-side look-up of members, for the rules that span members: unique card numbers and national IDs. */
public interface MemberDirectory {

    Optional<String> memberWithCardNumber(String cardNumber);

    Optional<String> memberWithNationalId(String nationalId);

    /** The local unit a member belongs to now, if the member exists. */
    Optional<String> localUnitOf(String memberId);

    /** Members with the same folded name and birth year in the same local unit. */
    List<String> possibleDuplicates(String nameKey, String localUnitId);

    /**
     * What a registration could clash with, in one look-up: who holds the card number and who the national ID
     * (either may be null: not asked), and the look-alikes of {@link #possibleDuplicates}.
     */
    default Clashes clashes(String cardNumber, String nationalId, String nameKey, String localUnitId) {
        return new Clashes(cardNumber == null ? Optional.empty() : memberWithCardNumber(cardNumber),
                nationalId == null ? Optional.empty() : memberWithNationalId(nationalId),
                possibleDuplicates(nameKey, localUnitId));
    }

    /** The members a registration would clash with. */
    record Clashes(Optional<String> cardHolder, Optional<String> nationalIdHolder, List<String> lookAlikes) {
    }

    /** The next free card number of a region, e.g. {@code SG-000124}; the counter stays locked until commit. */
    String allocateCardNumber(String regionCode);
}
