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

    /** The next free card number of a region, e.g. {@code SG-000124}; the counter stays locked until commit. */
    String allocateCardNumber(String regionCode);
}
