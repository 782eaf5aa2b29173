package org.jekafo.command.membership;

import org.jekafo.api.common.Gender;
import org.jekafo.api.common.NationalId;
import org.jekafo.api.common.PhoneNumber;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.membership.CardNumbers;
import org.jekafo.api.trade.TradeCatalog;
import org.jekafo.command.common.CommandRefusedException;
import org.jekafo.command.common.Require;
import org.jekafo.command.orgunit.OrgUnitDirectory;
import org.jekafo.command.orgunit.OrgUnitEntry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import static org.jekafo.api.orgunit.OrgUnitLevel.LOCAL;
import static org.jekafo.command.common.RefusalCodes.INVALID_BIRTH_YEAR;
import static org.jekafo.command.common.RefusalCodes.INVALID_DATE;
import static org.jekafo.command.common.RefusalCodes.INVALID_GENDER;
import static org.jekafo.command.common.RefusalCodes.INVALID_INPUT;
import static org.jekafo.command.common.RefusalCodes.INVALID_NATIONAL_ID;
import static org.jekafo.command.common.RefusalCodes.INVALID_PHONE;
import static org.jekafo.command.common.RefusalCodes.MISSING_NAME;
import static org.jekafo.command.common.RefusalCodes.NOT_A_LOCAL_UNIT;
import static org.jekafo.command.common.RefusalCodes.ORG_UNIT_CLOSED;
import static org.jekafo.command.common.RefusalCodes.TOO_MANY_VALUES;
import static org.jekafo.command.common.RefusalCodes.UNKNOWN_ORG_UNIT;
import static org.jekafo.command.common.RefusalCodes.UNKNOWN_TRADE;

/** Checks and normalises the fields of member commands; each failure is a refusal naming its field. */
final class MemberInput {

    static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");
    private static final int OLDEST_BIRTH_YEAR = 1900;
    private static final Clock CLOCK = Clock.system(BAMAKO);

    private MemberInput() {
    }

    /** A name, bounded and cleaned ({@link org.jekafo.api.common.TextInput#clean}); blank once cleaned is missing. */
    static String name(String value, TextLimit limit) {
        return Require.text(value, limit, MISSING_NAME, limit.label() + " est obligatoire.");
    }

    /** A reason people type, bounded and cleaned; {@code null} when none is given. */
    static String reason(String value) {
        return Require.optionalText(value, TextLimit.REASON);
    }

    /** A reason the command cannot do without. */
    static String requiredReason(String value, String message) {
        return Require.text(value, TextLimit.REASON, INVALID_INPUT, message);
    }

    static Gender gender(String value) {
        return Gender.parse(value).orElseThrow(() -> new CommandRefusedException(INVALID_GENDER, "gender",
                "Le genre « " + value + " » n'est pas reconnu : F ou M."));
    }

    static int birthYear(Integer value) {
        Require.that(value != null, INVALID_BIRTH_YEAR, "birthYear", "L'année de naissance est obligatoire.");
        int thisYear = Year.now(CLOCK).getValue();
        Require.that(value <= thisYear, INVALID_BIRTH_YEAR, "birthYear",
                "L'année de naissance " + value + " est dans le futur.");
        Require.that(value >= OLDEST_BIRTH_YEAR, INVALID_BIRTH_YEAR, "birthYear",
                "L'année de naissance " + value + " n'est pas plausible.");
        return value;
    }

    static String phone(String value) {
        return PhoneNumber.parse(Require.bounded(value, TextLimit.PHONE)).map(PhoneNumber::e164).orElseThrow(() -> new CommandRefusedException(
                INVALID_PHONE, "phone", "Le numéro « " + value + " » n'est pas un numéro malien (+223 et 8 chiffres)."));
    }

    /** The NINA without separators, in upper case, or {@code null} when absent or blank. */
    static String nationalId(String value) {
        if (Require.bounded(value, TextLimit.NATIONAL_ID) == null || value.isBlank()) {
            return null;
        }
        return NationalId.parse(value).map(NationalId::value).orElseThrow(() -> new CommandRefusedException(
                INVALID_NATIONAL_ID, "nationalId", "Le numéro d'identité nationale doit être un NINA : 14 chiffres "
                        + "puis une lettre (par ex. 42933751431545Y), espaces et tirets permis."));
    }

    /** The card number asked for, normalised, or {@code null} when none is. */
    static String cardNumber(String value) {
        return CardNumbers.normalized(Require.bounded(value, TextLimit.CARD_NUMBER));
    }

    static List<String> trades(List<String> codes) {
        Require.that(codes != null && !codes.isEmpty(), UNKNOWN_TRADE, "trades", "Au moins un métier est obligatoire.");
        Require.that(codes.size() <= TextLimit.MAX_TRADES, TOO_MANY_VALUES, "trades",
                "Un membre exerce au plus " + TextLimit.MAX_TRADES + " métiers.");
        LinkedHashSet<String> known = new LinkedHashSet<>();
        for (String code : codes) {
            Require.bounded(code, TextLimit.TRADE_CODE);
            String normalised = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
            Require.that(TradeCatalog.find(normalised).isPresent(), UNKNOWN_TRADE, "trades",
                    "Le métier « " + code + " » ne figure pas dans la nomenclature.");
            known.add(normalised);
        }
        return List.copyOf(known);
    }

    static OrgUnitEntry openLocalUnit(OrgUnitDirectory units, String localUnitId, String field) {
        String id = Require.bounded(localUnitId == null ? "" : localUnitId, TextLimit.IDENTIFIER.forField(field));
        OrgUnitEntry unit = units.find(id).orElseThrow(
                () -> new CommandRefusedException(UNKNOWN_ORG_UNIT, field, "L'unité locale est inconnue."));
        Require.that(unit.level() == LOCAL, NOT_A_LOCAL_UNIT, field,
                "Un membre est rattaché à une unité locale, pas à « " + unit.name() + " ».");
        Require.that(!unit.closed(), ORG_UNIT_CLOSED, field, "L'unité « " + unit.name() + " » est fermée.");
        return unit;
    }

    static LocalDate notInFuture(LocalDate date, String field) {
        LocalDate value = date == null ? today() : date;
        Require.that(!value.isAfter(today()), INVALID_DATE, field, "La date " + value + " est dans le futur.");
        return value;
    }

    static LocalDate today() {
        return LocalDate.now(CLOCK);
    }
}
