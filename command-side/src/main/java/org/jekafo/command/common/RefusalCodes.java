package org.jekafo.command.common;

import org.jekafo.api.common.TextLimit;

/** Stable codes of refused commands. Programs depend on them: never rename one. */
public final class RefusalCodes {
    public static final String INVALID_INPUT = "INVALID_INPUT";
    public static final String MISSING_NAME = "MISSING_NAME";
    public static final String INVALID_GENDER = "INVALID_GENDER";
    public static final String INVALID_BIRTH_YEAR = "INVALID_BIRTH_YEAR";
    public static final String INVALID_PHONE = "INVALID_PHONE";
    public static final String UNKNOWN_TRADE = "UNKNOWN_TRADE";
    public static final String UNKNOWN_ORG_UNIT = "UNKNOWN_ORG_UNIT";
    public static final String NOT_A_LOCAL_UNIT = "NOT_A_LOCAL_UNIT";
    public static final String ORG_UNIT_CLOSED = "ORG_UNIT_CLOSED";
    public static final String INVALID_CARD_NUMBER = "INVALID_CARD_NUMBER";
    public static final String DUPLICATE_CARD_NUMBER = "DUPLICATE_CARD_NUMBER";
    /** A card number allocated by the command was given elsewhere meanwhile; retried by the sender, not shown. */
    public static final String CARD_NUMBER_RACE = "CARD_NUMBER_RACE";
    public static final String DUPLICATE_NATIONAL_ID = "DUPLICATE_NATIONAL_ID";
    public static final String POSSIBLE_DUPLICATE = "POSSIBLE_DUPLICATE";
    public static final String ILLEGAL_STATUS_TRANSITION = "ILLEGAL_STATUS_TRANSITION";
    public static final String MEMBER_DECEASED = "MEMBER_DECEASED";
    public static final String DUPLICATE_RECEIPT = "DUPLICATE_RECEIPT";
    public static final String INVALID_AMOUNT = "INVALID_AMOUNT";
    public static final String INVALID_DATE = "INVALID_DATE";
    public static final String DUPLICATE_ORG_UNIT_CODE = "DUPLICATE_ORG_UNIT_CODE";
    public static final String INVALID_PARENT = "INVALID_PARENT";
    public static final String ORG_UNIT_NOT_EMPTY = "ORG_UNIT_NOT_EMPTY";
    public static final String NOT_FOUND = "NOT_FOUND";
    /** The member's personal data is erased: nothing about the member can change any more. */
    public static final String PERSONAL_DATA_ERASED = "PERSONAL_DATA_ERASED";
    /** The member's personal data was erased before. */
    public static final String ALREADY_ERASED = "ALREADY_ERASED";
    /** A text longer than its field accepts (the message names the field and the maximum). */
    public static final String TEXT_TOO_LONG = TextLimit.TEXT_TOO_LONG;
    /** A list with more elements than its field accepts (trades). */
    public static final String TOO_MANY_VALUES = TextLimit.TOO_MANY_VALUES;
    /** A national ID that is not a NINA (14 digits and a letter). */
    public static final String INVALID_NATIONAL_ID = "INVALID_NATIONAL_ID";

    /** The command was decided on a version of the aggregate that is no longer the current one. */
    public static final String VERSION_CONFLICT = "VERSION_CONFLICT";

    /** An identifier chosen by the client (a new member's) is already another record's. */
    public static final String DUPLICATE_ID = "DUPLICATE_ID";
    public static final String INVALID_SCHEDULE = "INVALID_SCHEDULE";
    public static final String CONSULTATION_NOT_OPEN = "CONSULTATION_NOT_OPEN";
    public static final String ALREADY_VOTED = "ALREADY_VOTED";
    public static final String NOT_ELIGIBLE = "NOT_ELIGIBLE";
    public static final String CHANNEL_NOT_ALLOWED = "CHANNEL_NOT_ALLOWED";
    public static final String INVALID_BALLOT = "INVALID_BALLOT";

    private RefusalCodes() {
    }
}
