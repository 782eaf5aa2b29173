package org.jekafo.api.common;

import java.util.Locale;

/**
 * The longest value a text input accepts, in characters (code points), and the refusal of a longer one. Every
 * channel (GraphQL, census import, phone) passes the command side's rules, which apply these limits; queries
 * apply the filter limits. The refusal names the field and its maximum, never the value. The index mappings
 * are sized for them: even written entirely in 4-byte UTF-8 characters, the longest value fits a keyword.
 */
public record TextLimit(String field, String label, int max) {

    /** Stable code of a value longer than its field accepts. */
    public static final String TEXT_TOO_LONG = "TEXT_TOO_LONG";
    /** Stable code of a list with more elements than its field accepts. */
    public static final String TOO_MANY_VALUES = "TOO_MANY_VALUES";

    public static final TextLimit LAST_NAME = new TextLimit("lastName", "Le nom de famille", 100);
    public static final TextLimit FIRST_NAME = new TextLimit("firstName", "Le prénom", 100);
    /** Every reason people type: suspension, reinstatement, resignation, transfer, correction, erasure, closure. */
    public static final TextLimit REASON = new TextLimit("reason", "Le motif", 1_000);
    /** As typed, spaces and dashes included. */
    public static final TextLimit NATIONAL_ID = new TextLimit("nationalId", "Le numéro d'identité nationale", 30);
    /** As typed, spaces and dashes included. */
    public static final TextLimit PHONE = new TextLimit("phone", "Le numéro de téléphone", 30);
    public static final TextLimit CARD_NUMBER = new TextLimit("cardNumber", "Le numéro de carte", 20);
    public static final TextLimit TRADE_CODE = new TextLimit("trades", "Un code de métier", 40);
    /** A member exercises at most this many trades. */
    public static final int MAX_TRADES = 20;
    public static final TextLimit RECEIPT_NUMBER = new TextLimit("receiptNumber", "Le numéro de reçu", 50);
    public static final TextLimit CLIENT_MUTATION_ID = new TextLimit("clientMutationId", "L'identifiant de requête", 100);
    public static final TextLimit ORG_UNIT_NAME = new TextLimit("name", "Le nom de l'unité", 100);
    public static final TextLimit ORG_UNIT_CODE = new TextLimit("code", "Le code de l'unité", 20);
    /** Identifiers the system assigned (36 characters); {@code field} is set where it is used. */
    public static final TextLimit IDENTIFIER = new TextLimit("id", "Un identifiant", 100);
    /** The name searched for in a member filter. */
    public static final TextLimit FILTER_NAME = new TextLimit("name", "Le nom recherché", 100);
    public static final TextLimit FILTER_PHONE = new TextLimit("phone", "Le téléphone recherché", 30);
    public static final TextLimit FILTER_TRADE = new TextLimit("trade", "Le code de métier recherché", 40);
    /** A pagination cursor as the server issued it. */
    public static final TextLimit CURSOR = new TextLimit("after", "Le curseur de pagination", 500);
    public static final TextLimit FILE_NAME = new TextLimit("fileName", "Le nom du fichier", 255);
    public static final TextLimit PROJECTION_NAME = new TextLimit("name", "Le nom de la projection", 100);
    public static final TextLimit CONSULTATION_TITLE = new TextLimit("title", "Le titre de la consultation", 200);
    public static final TextLimit CONSULTATION_DESCRIPTION = new TextLimit("description",
            "La description de la consultation", 5_000);
    public static final TextLimit QUESTION_TEXT = new TextLimit("text", "Le texte d'une question", 500);
    public static final TextLimit OPTION_LABEL = new TextLimit("label", "Le libellé d'un choix", 200);
    public static final TextLimit RECOMMENDATION = new TextLimit("text", "Une recommandation", 2_000);
    public static final int MAX_QUESTIONS = 50;
    public static final int MAX_OPTIONS = 30;

    /** The same limit reported under another input field. */
    public TextLimit forField(String otherField) {
        return new TextLimit(otherField, label, max);
    }

    /** True when {@code value} is absent or at most {@link #max} characters long. */
    public boolean admits(String value) {
        return value == null || value.length() <= max || TextInput.length(value) <= max;
    }

    /** Why a longer value is refused: field and maximum, in French; the value itself is never quoted. */
    public Refusal refusal() {
        return new Refusal(TEXT_TOO_LONG, field, label + " ne peut pas dépasser "
                + String.format(Locale.FRANCE, "%,d", max) + " caractères.");
    }
}
