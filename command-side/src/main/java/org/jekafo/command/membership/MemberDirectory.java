package org.jekafo.command.membership;

import org.jekafo.command.common.CommandRefusedException;
import org.jekafo.command.common.RefusalCodes;

import java.util.List;
import java.util.Optional;

import static org.jekafo.command.common.RefusalCodes.DUPLICATE_CARD_NUMBER;
import static org.jekafo.command.common.RefusalCodes.DUPLICATE_NATIONAL_ID;

/** Command-side look-up of members, for the rules that span members: unique card numbers and national IDs. */
public interface MemberDirectory {

    Optional<String> memberWithCardNumber(String cardNumber);

    Optional<String> memberWithNationalId(String nationalId);

    /** The local unit a member belongs to now, if the member exists. */
    Optional<String> localUnitOf(String memberId);

    /** Members with the same folded name and birth year in the same local unit. */
    List<String> possibleDuplicates(String nameKey, String localUnitId);

    /**
     * What a registration could clash with, in one look-up: whether its member id is taken (a client may choose
     * it), who holds the card number and who the national ID (either may be null: not asked), and the look-alikes
     * of {@link #possibleDuplicates}.
     */
    default Clashes clashes(String memberId, String cardNumber, String nationalId, String nameKey, String localUnitId) {
        return new Clashes(localUnitOf(memberId).isPresent(),
                cardNumber == null ? Optional.empty() : memberWithCardNumber(cardNumber),
                nationalId == null ? Optional.empty() : memberWithNationalId(nationalId),
                possibleDuplicates(nameKey, localUnitId));
    }

    /** The members a registration would clash with. */
    record Clashes(boolean idTaken, Optional<String> cardHolder, Optional<String> nationalIdHolder,
                   List<String> lookAlikes) {
    }

    /** The refusal of a card number another member holds: found by the check, or by the insert that lost a race. */
    /** A card number allocated here was given explicitly elsewhere meanwhile: the sender retries (CommandSender). */
    static CommandRefusedException cardNumberRace(String cardNumber) {
        return new CommandRefusedException(RefusalCodes.CARD_NUMBER_RACE, "cardNumber",
                "Le numéro de carte « " + cardNumber + " » vient d'être attribué ailleurs ; réessayez.");
    }

    static CommandRefusedException cardNumberTaken(String cardNumber) {
        return new CommandRefusedException(DUPLICATE_CARD_NUMBER, "cardNumber",
                "Le numéro de carte « " + cardNumber + " » est déjà attribué.");
    }

    /** The refusal of a national ID another member holds: found by the check, or by the write that lost a race. */
    static CommandRefusedException nationalIdTaken(String nationalId) {
        return new CommandRefusedException(DUPLICATE_NATIONAL_ID, "nationalId",
                "Le numéro d'identité nationale « " + nationalId + " » est déjà enregistré.");
    }

    /** The next free card number of a region, e.g. {@code SG-000124}; the counter stays locked until commit. */
    String allocateCardNumber(String regionCode);
}
