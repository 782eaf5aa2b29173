package org.jekafo.app.census;

import org.jekafo.api.common.TextFolding;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The columns of a census, in the federation's order (the order of its CSV format), each with the headers
 * people give it in French or English. Headers match whatever their case, accents, spaces and punctuation:
 * {@code N° carte}, {@code numéro de carte} and {@code card_number} all name the card number.
 */
enum CensusColumn {

    CARD_NUMBER("numéro de carte", false, "card_number", "numéro de carte", "numéro carte", "n° carte", "n° de carte",
            "no carte", "num carte", "carte", "card number"),
    LAST_NAME("nom", true, "last_name", "nom", "nom de famille", "last name", "surname"),
    FIRST_NAME("prénom", true, "first_name", "prénom", "prénoms", "first name"),
    GENDER("sexe", true, "gender", "sexe", "genre"),
    BIRTH_YEAR("année de naissance", true, "birth_year", "année de naissance", "année naissance", "birth year"),
    PHONE("téléphone", true, "phone", "téléphone", "tél", "tel", "numéro de téléphone", "phone number"),
    REGION("région", true, "region", "région"),
    CHAPTER("unité locale", true, "chapter", "section", "chapitre", "unité locale", "local unit"),
    TRADE("métier", true, "trade", "métier", "métiers", "trades"),
    ENROLLED_ON("date d'adhésion", false, "enrolled_on", "date d'adhésion", "date adhésion", "adhésion",
            "enrolled on", "enrollment date"),
    DISABILITY("handicap", false, "disability", "handicap", "situation de handicap"),
    NATIONAL_ID("NINA", false, "national_id", "nina", "numéro d'identification", "numéro nina",
            "numéro d'identification nationale", "national id");

    private final String frenchName;
    private final boolean required;
    private final List<String> keys;

    CensusColumn(String frenchName, boolean required, String... headers) {
        this.frenchName = frenchName;
        this.required = required;
        this.keys = Stream.of(headers).map(CensusColumn::key).toList();
    }

    /** The column a header names, if any. */
    static Optional<CensusColumn> named(String header) {
        String key = key(header);
        return Stream.of(values()).filter(column -> column.keys.contains(key)).findFirst();
    }

    /** What a person calls the column, in French. */
    String frenchName() {
        return frenchName;
    }

    /** Whether a member cannot be registered without it. */
    boolean required() {
        return required;
    }

    private static String key(String header) {
        return TextFolding.fold(header).replace(" ", "");
    }
}
