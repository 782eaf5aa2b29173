package org.jekafo.app.census;

import org.jekafo.api.common.Refusal;
import org.jekafo.api.common.TextFolding;
import org.jekafo.api.membership.RegisterMemberCommand;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One record of a census file, read as the command will need it; {@code raw} is the record in the
 * federation's CSV form ({@link CensusRecord#canonical()}) and {@code number} the line where it starts. What cannot even become a command (a
 * birth year that is not a number, an unknown region or local unit) is a refusal of the line itself; all
 * other rules are the command's.
 */
record CensusLine(String raw, int number, String cardNumber, String lastName, String firstName, String gender,
                  Integer birthYear, String phone, String localUnitId, List<String> trades, LocalDate enrolledOn,
                  boolean disability, String nationalId, Refusal refusal) {

    static CensusLine parse(CensusRecord record, Map<String, String> localUnits) {
        String raw = record.canonical();
        int number = record.line();
        List<String> cells = record.cells();
        String card = cells.get(0).strip();
        Refusal refusal = null;
        Integer birthYear = null;
        try {
            birthYear = Integer.valueOf(cells.get(4).strip());
        } catch (NumberFormatException e) {
            refusal = new Refusal("INVALID_BIRTH_YEAR", "birth_year", "L'année de naissance « " + cells.get(4) + " » n'est pas un nombre.");
        }
        LocalDate enrolledOn = null;
        if (!cells.get(9).isBlank()) {
            try {
                enrolledOn = LocalDate.parse(cells.get(9).strip());
            } catch (DateTimeParseException e) {
                refusal = new Refusal("INVALID_DATE", "enrolled_on", "La date d'adhésion « " + cells.get(9) + " » n'est pas une date AAAA-MM-JJ.");
            }
        }
        String localUnitId = localUnits.get(unitKey(cells.get(6), cells.get(7)));
        if (localUnitId == null && refusal == null) {
            refusal = new Refusal("UNKNOWN_ORG_UNIT", "chapter", "L'unité locale « " + cells.get(7) + " » de la région « "
                    + cells.get(6) + " » est inconnue.");
        }
        List<String> trades = Arrays.stream(cells.get(8).split("[;|]")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        boolean disability = cells.get(10).strip().toLowerCase(Locale.ROOT).matches("oui|o|yes|1|true");
        return new CensusLine(raw, number, card, cells.get(1), cells.get(2), cells.get(3), birthYear, cells.get(5),
                localUnitId, trades, enrolledOn, disability, cells.get(11).isBlank() ? null : cells.get(11).strip(),
                refusal);
    }

    static String unitKey(String region, String localUnit) {
        return TextFolding.fold(region) + "/" + TextFolding.fold(localUnit);
    }

    /** Lines sharing one of these keys are handled in file order. */
    List<String> orderingKeys() {
        List<String> keys = new ArrayList<>(3);
        if (!cardNumber.isEmpty()) {
            keys.add("card:" + cardNumber.toUpperCase(Locale.ROOT));
        }
        if (nationalId != null) {
            keys.add("nid:" + nationalId.toUpperCase(Locale.ROOT));
        }
        keys.add("name:" + TextFolding.fold(lastName + " " + firstName) + "|" + birthYear);
        return keys;
    }

    RegisterMemberCommand toCommand(String memberId) {
        return new RegisterMemberCommand(memberId, cardNumber.isEmpty() ? null : cardNumber, lastName, firstName,
                gender, birthYear, phone, nationalId, trades, localUnitId, disability, enrolledOn, false);
    }
}
