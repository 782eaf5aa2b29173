package org.jekafo.command.membership;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jekafo.api.common.Gender;
import org.jekafo.api.membership.ChangeMemberPhoneCommand;
import org.jekafo.api.membership.ChangeMemberTradesCommand;
import org.jekafo.api.membership.CorrectMemberIdentityCommand;
import org.jekafo.api.membership.DuesPaymentRecordedEvent;
import org.jekafo.api.membership.ErasePersonalDataCommand;
import org.jekafo.api.membership.MemberDeathRecordedEvent;
import org.jekafo.api.membership.MemberIdentityCorrectedEvent;
import org.jekafo.api.membership.MemberPersonalDataErasedEvent;
import org.jekafo.api.membership.MemberPhoneChangedEvent;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberReinstatedEvent;
import org.jekafo.api.membership.MemberResignedEvent;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.membership.MemberSuspendedEvent;
import org.jekafo.api.membership.MemberTradesChangedEvent;
import org.jekafo.api.membership.MemberTransferredEvent;
import org.jekafo.api.membership.RecordDuesPaymentCommand;
import org.jekafo.api.membership.RecordMemberDeathCommand;
import org.jekafo.api.membership.RecordMemberResignationCommand;
import org.jekafo.api.membership.RegisterMemberCommand;
import org.jekafo.api.membership.ReinstateMemberCommand;
import org.jekafo.api.membership.SuspendMemberCommand;
import org.jekafo.api.membership.TransferMemberCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.jekafo.command.common.RefusalCodes.ALREADY_ERASED;
import static org.jekafo.command.common.RefusalCodes.DUPLICATE_CARD_NUMBER;
import static org.jekafo.command.common.RefusalCodes.DUPLICATE_NATIONAL_ID;
import static org.jekafo.command.common.RefusalCodes.DUPLICATE_RECEIPT;
import static org.jekafo.command.common.RefusalCodes.ILLEGAL_STATUS_TRANSITION;
import static org.jekafo.command.common.RefusalCodes.INVALID_AMOUNT;
import static org.jekafo.command.common.RefusalCodes.INVALID_BIRTH_YEAR;
import static org.jekafo.command.common.RefusalCodes.INVALID_CARD_NUMBER;
import static org.jekafo.command.common.RefusalCodes.INVALID_DATE;
import static org.jekafo.command.common.RefusalCodes.INVALID_GENDER;
import static org.jekafo.command.common.RefusalCodes.INVALID_INPUT;
import static org.jekafo.command.common.RefusalCodes.INVALID_NATIONAL_ID;
import static org.jekafo.command.common.RefusalCodes.INVALID_PHONE;
import static org.jekafo.command.common.RefusalCodes.MEMBER_DECEASED;
import static org.jekafo.command.common.RefusalCodes.MISSING_NAME;
import static org.jekafo.command.common.RefusalCodes.NOT_A_LOCAL_UNIT;
import static org.jekafo.command.common.RefusalCodes.ORG_UNIT_CLOSED;
import static org.jekafo.command.common.RefusalCodes.PERSONAL_DATA_ERASED;
import static org.jekafo.command.common.RefusalCodes.POSSIBLE_DUPLICATE;
import static org.jekafo.command.common.RefusalCodes.TEXT_TOO_LONG;
import static org.jekafo.command.common.RefusalCodes.TOO_MANY_VALUES;
import static org.jekafo.command.common.RefusalCodes.UNKNOWN_ORG_UNIT;
import static org.jekafo.command.common.RefusalCodes.UNKNOWN_TRADE;
import static org.jekafo.command.common.Refused.refused;

/**
 * Members: registration, identity and contact changes, transfers, status, dues. The tree is
 * <pre>
 *   ML (national)
 *   ├── SG (region, last card SG-000122) ── SG-03, SG-05 (local), SG-09 (local, closed)
 *   └── KY (region, no card yet) ── KY-01 (local)
 * </pre>
 * and member {@code m-1}, Awa Traoré, card SG-000042, national ID 42933751431545Y, is registered in SG-03.
 */
class MemberTest {

    private static final String NATIONAL = "ou-ml";
    private static final String SEGOU = "ou-sg";
    private static final String KAYES = "ou-ky";
    private static final String SEGOU_03 = "ou-sg-03";
    private static final String SEGOU_05 = "ou-sg-05";
    private static final String SEGOU_09_CLOSED = "ou-sg-09";
    private static final String KAYES_01 = "ou-ky-01";

    private static final String MEMBER = "m-1";
    private static final LocalDate ENROLLED = LocalDate.of(2024, 3, 1);
    private static final MemberRegisteredEvent AWA = new MemberRegisteredEvent(MEMBER, "SG-000042", "Traoré", "Awa",
            Gender.F, 1985, "+22376123456", "42933751431545Y", List.of("COUTURE", "TEINTURE"), SEGOU_03, false, ENROLLED,
            false);

    private InMemoryDirectories directories;
    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void setUp() {
        directories = new InMemoryDirectories();
        directories.national(NATIONAL, "ML");
        directories.region(SEGOU, "SG", NATIONAL);
        directories.lastCardNumber("SG", 122);
        directories.region(KAYES, "KY", NATIONAL);
        directories.local(SEGOU_03, "SG-03", SEGOU);
        directories.local(SEGOU_05, "SG-05", SEGOU);
        directories.local(SEGOU_09_CLOSED, "SG-09", SEGOU);
        directories.close(SEGOU_09_CLOSED);
        directories.local(KAYES_01, "KY-01", KAYES);
        directories.member(AWA);

        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(directories.members());
        fixture.registerInjectableResource(directories.orgUnits());
    }

    private static LocalDate today() {
        return LocalDate.now(MemberInput.BAMAKO);
    }

    private static int thisYear() {
        return today().getYear();
    }

    /** A registration of Seydou Coulibaly in SG-05 that passes every rule; tests change one field at a time. */
    private static RegisterMemberCommand registration(Consumer<Registration> change) {
        Registration r = new Registration();
        change.accept(r);
        return new RegisterMemberCommand(r.memberId, r.cardNumber, r.lastName, r.firstName, r.gender, r.birthYear,
                r.phone, r.nationalId, r.trades, r.localUnitId, r.disability, r.enrolledOn, r.confirmPossibleDuplicate);
    }

    private static RegisterMemberCommand registration() {
        return registration(r -> {
        });
    }

    private static final class Registration {
        String memberId = "m-new";
        String cardNumber = "SG-000200";
        String lastName = "Coulibaly";
        String firstName = "Seydou";
        String gender = "M";
        Integer birthYear = 1990;
        String phone = "+22366001122";
        String nationalId = null;
        List<String> trades = List.of("FORGE");
        String localUnitId = SEGOU_05;
        boolean disability = false;
        LocalDate enrolledOn = ENROLLED;
        boolean confirmPossibleDuplicate = false;
    }

    /** The event {@link #registration()} leads to, with the card number it was given. */
    private static MemberRegisteredEvent registered(String memberId, String cardNumber) {
        return new MemberRegisteredEvent(memberId, cardNumber, "Coulibaly", "Seydou", Gender.M, 1990,
                "+22366001122", null, List.of("FORGE"), SEGOU_05, false, ENROLLED, false);
    }

    @Nested
    class Registering {

        @Test
        void memberIsRegisteredWithEveryFieldNormalised() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterMemberCommand("m-new", " sg-000123 ", "  Diarra ", " Fatoumata  ", "femme", 1978,
                            "76 12 34 56", " 11223344556677a ", List.of(" teinture", "Couture ", "TEINTURE"), KAYES_01,
                            true, ENROLLED, false))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new MemberRegisteredEvent("m-new", "SG-000123", "Diarra", "Fatoumata", Gender.F,
                            1978, "+22376123456", "11223344556677A", List.of("TEINTURE", "COUTURE"), KAYES_01, true,
                            ENROLLED, false));
        }

        @ParameterizedTest(name = "typed \"{0}\"")
        @ValueSource(strings = {"76 12 34 56", "76-12-34-56", "76.12.34.56", "+223 76 12 34 56", "0022376123456",
                " 223 76 12 34 56 "})
        void phoneTypedAnyUsualWayIsStoredInInternationalForm(String typed) {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.phone = typed))
                    .expectEvents(new MemberRegisteredEvent("m-new", "SG-000200", "Coulibaly", "Seydou", Gender.M,
                            1990, "+22376123456", null, List.of("FORGE"), SEGOU_05, false, ENROLLED, false));
        }

        @ParameterizedTest(name = "national ID \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void registrationWithoutNationalIdRecordsNone(String nationalId) {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.nationalId = nationalId))
                    .expectEvents(registered("m-new", "SG-000200"));
        }

        @Test
        void registrationWithoutCardNumberGetsNextNumberOfTheRegion() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.cardNumber = null))
                    .expectEvents(registered("m-new", "SG-000123"));
            assertThat(directories.allocatedCardNumbers()).containsExactly("SG-000123");
        }

        @Test
        void registrationWithBlankCardNumberGetsNextNumberOfTheRegion() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.cardNumber = "  "))
                    .expectEvents(registered("m-new", "SG-000123"));
        }

        @Test
        void cardNumberIsTakenFromTheRegionOfTheLocalUnit() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> {
                        r.cardNumber = null;
                        r.localUnitId = KAYES_01;
                    }))
                    .expectEvents(new MemberRegisteredEvent("m-new", "KY-000001", "Coulibaly", "Seydou", Gender.M,
                            1990, "+22366001122", null, List.of("FORGE"), KAYES_01, false, ENROLLED, false));
        }

        @Test
        void registrationWithACardNumberAllocatesNone() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.cardNumber = "SG-000200"))
                    .expectEvents(registered("m-new", "SG-000200"));
            assertThat(directories.allocatedCardNumbers()).isEmpty();
        }

        @Test
        void registrationWithoutEnrolmentDateIsEnrolledToday() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.enrolledOn = null))
                    .expectEvents(new MemberRegisteredEvent("m-new", "SG-000200", "Coulibaly", "Seydou", Gender.M,
                            1990, "+22366001122", null, List.of("FORGE"), SEGOU_05, false, today(), false));
        }

        @Test
        void namesakeBornTheSameYearInAnotherLocalUnitIsNoPossibleDuplicate() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> {
                        r.lastName = "Traoré";
                        r.firstName = "Awa";
                        r.birthYear = 1985;
                    }))
                    .expectEvents(new MemberRegisteredEvent("m-new", "SG-000200", "Traoré", "Awa", Gender.M, 1985,
                            "+22366001122", null, List.of("FORGE"), SEGOU_05, false, ENROLLED, false));
        }

        @Test
        void namesakeBornAnotherYearInTheSameLocalUnitIsNoPossibleDuplicate() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> {
                        r.lastName = "Traoré";
                        r.firstName = "Awa";
                        r.birthYear = 1986;
                        r.localUnitId = SEGOU_03;
                    }))
                    .expectEvents(new MemberRegisteredEvent("m-new", "SG-000200", "Traoré", "Awa", Gender.M, 1986,
                            "+22366001122", null, List.of("FORGE"), SEGOU_03, false, ENROLLED, false));
        }

        @Test
        void possibleDuplicateIsRefusedUnlessConfirmed() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> {
                        r.lastName = "Traoré";
                        r.firstName = "Awa";
                        r.birthYear = 1985;
                        r.localUnitId = SEGOU_03;
                    }))
                    .expectException(refused(POSSIBLE_DUPLICATE, "lastName"))
                    .expectNoEvents();
        }

        @Test
        void possibleDuplicateIsFoundDespiteAccentsCaseAndSpaces() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> {
                        r.lastName = "TRAORE";
                        r.firstName = "  awa";
                        r.birthYear = 1985;
                        r.localUnitId = SEGOU_03;
                    }))
                    .expectException(refused(POSSIBLE_DUPLICATE, "lastName"))
                    .expectNoEvents();
        }

        @Test
        void confirmedPossibleDuplicateIsRegisteredAndFlagged() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> {
                        r.lastName = "Traoré";
                        r.firstName = "Awa";
                        r.birthYear = 1985;
                        r.localUnitId = SEGOU_03;
                        r.confirmPossibleDuplicate = true;
                    }))
                    .expectEvents(new MemberRegisteredEvent("m-new", "SG-000200", "Traoré", "Awa", Gender.M, 1985,
                            "+22366001122", null, List.of("FORGE"), SEGOU_03, false, ENROLLED, true));
        }

        @Test
        void confirmationWithoutLookAlikeIsNotFlagged() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.confirmPossibleDuplicate = true))
                    .expectEvents(registered("m-new", "SG-000200"));
        }
    }

    @Nested
    class RegistrationRefusals {

        @ParameterizedTest(name = "last name \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void registrationWithoutLastNameIsRefused(String lastName) {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.lastName = lastName))
                    .expectException(refused(MISSING_NAME, "lastName"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "first name \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void registrationWithoutFirstNameIsRefused(String firstName) {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.firstName = firstName))
                    .expectException(refused(MISSING_NAME, "firstName"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "gender \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"X", "garçon", "FM"})
        void registrationWithAnUnknownGenderIsRefused(String gender) {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.gender = gender))
                    .expectException(refused(INVALID_GENDER, "gender"))
                    .expectNoEvents();
        }

        @Test
        void registrationWithABirthYearInTheFutureIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.birthYear = thisYear() + 1))
                    .expectException(refused(INVALID_BIRTH_YEAR, "birthYear"))
                    .expectNoEvents();
        }

        @Test
        void registrationBornThisYearIsAccepted() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.birthYear = thisYear()))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new MemberRegisteredEvent("m-new", "SG-000200", "Coulibaly", "Seydou", Gender.M,
                            thisYear(), "+22366001122", null, List.of("FORGE"), SEGOU_05, false, ENROLLED, false));
        }

        @Test
        void registrationBornIn1900IsAccepted() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.birthYear = 1900))
                    .expectEvents(new MemberRegisteredEvent("m-new", "SG-000200", "Coulibaly", "Seydou", Gender.M,
                            1900, "+22366001122", null, List.of("FORGE"), SEGOU_05, false, ENROLLED, false));
        }

        @Test
        void registrationWithAnImplausibleBirthYearIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.birthYear = 1899))
                    .expectException(refused(INVALID_BIRTH_YEAR, "birthYear"))
                    .expectNoEvents();
        }

        @Test
        void registrationWithoutBirthYearIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.birthYear = null))
                    .expectException(refused(INVALID_BIRTH_YEAR, "birthYear"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "phone \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"7612345", "761234567", "+33 6 12 34 56 78", "+76123456", "76 12 34 5A",
                "0033612345678"})
        void registrationWithAPhoneThatIsNotMalianIsRefused(String phone) {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.phone = phone))
                    .expectException(refused(INVALID_PHONE, "phone"))
                    .expectNoEvents();
        }

        @Test
        void registrationWithATradeOutsideTheCatalogueIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.trades = List.of("FORGE", "ASTRONAUTE")))
                    .expectException(refused(UNKNOWN_TRADE, "trades"))
                    .expectNoEvents();
        }

        @Test
        void registrationWithANullTradeIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.trades = Arrays.asList("FORGE", null)))
                    .expectException(refused(UNKNOWN_TRADE, "trades"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "trades {0}")
        @NullAndEmptySource
        void registrationWithoutTradeIsRefused(List<String> trades) {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.trades = trades))
                    .expectException(refused(UNKNOWN_TRADE, "trades"))
                    .expectNoEvents();
        }

        @Test
        void registrationInAnUnknownUnitIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.localUnitId = "ou-unknown"))
                    .expectException(refused(UNKNOWN_ORG_UNIT, "localUnitId"))
                    .expectNoEvents();
        }

        @Test
        void registrationWithoutUnitIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.localUnitId = null))
                    .expectException(refused(UNKNOWN_ORG_UNIT, "localUnitId"))
                    .expectNoEvents();
        }

        @Test
        void registrationWithoutCardNumberInAUnitOutsideAnyRegionIsRefused() {
            directories.local("ou-orphan", "XX-01", "ou-vanished-region");
            fixture.givenNoPriorActivity()
                    .when(registration(r -> {
                        r.cardNumber = null;
                        r.localUnitId = "ou-orphan";
                    }))
                    .expectException(refused(UNKNOWN_ORG_UNIT, "localUnitId"))
                    .expectNoEvents();
            assertThat(directories.allocatedCardNumbers()).isEmpty();
        }

        @Test
        void registrationInARegionalUnitIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.localUnitId = SEGOU))
                    .expectException(refused(NOT_A_LOCAL_UNIT, "localUnitId"))
                    .expectNoEvents();
        }

        @Test
        void registrationInAClosedUnitIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.localUnitId = SEGOU_09_CLOSED))
                    .expectException(refused(ORG_UNIT_CLOSED, "localUnitId"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "card \"{0}\"")
        @ValueSource(strings = {"SG-123", "SG000123", "S-000123", "SGKY-000123", "SG-0001234", "12-000123",
                "SG 000123"})
        void registrationWithAMalformedCardNumberIsRefused(String cardNumber) {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.cardNumber = cardNumber))
                    .expectException(refused(INVALID_CARD_NUMBER, "cardNumber"))
                    .expectNoEvents();
        }

        @Test
        void registrationWithACardNumberAlreadyGivenIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.cardNumber = "sg-000042"))
                    .expectException(refused(DUPLICATE_CARD_NUMBER, "cardNumber"))
                    .expectNoEvents();
        }

        @Test
        void registrationWithANationalIdAlreadyRegisteredIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.nationalId = " 4293 3751-4315 45y"))
                    .expectException(refused(DUPLICATE_NATIONAL_ID, "nationalId"))
                    .expectNoEvents();
        }

        @Test
        void registrationWithAnEnrolmentDateInTheFutureIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.enrolledOn = today().plusDays(1)))
                    .expectException(refused(INVALID_DATE, "enrolledOn"))
                    .expectNoEvents();
        }

        @Test
        void refusedRegistrationAllocatesNoCardNumber() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> {
                        r.cardNumber = null;
                        r.nationalId = "42933751431545Y";
                    }))
                    .expectException(refused(DUPLICATE_NATIONAL_ID, "nationalId"))
                    .expectNoEvents();
            assertThat(directories.allocatedCardNumbers()).isEmpty();
        }
    }

    /** What people type, cleaned the same way for every channel, and bounded with a refusal that never quotes it. */
    @Nested
    class TextInputs {

        /** ADLAM SMALL LETTER ALIF, 4 bytes in UTF-8: the worst case for the index. */
        private static final String FOUR_BYTES = "\uD83A\uDD22";

        private static String typed(int length) {
            return FOUR_BYTES.repeat(length);
        }

        @Test
        void namesAreStoredWithoutControlBidirectionalOrZeroWidthCharactersAndInNfc() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> {
                        r.lastName = "\u202ECou\u0000li\u200Bbaly\u202C";
                        r.firstName = "\u2066Seydou\u2069 \t\u00A0 Be\u0301la\u200F";
                    }))
                    .expectEvents(new MemberRegisteredEvent("m-new", "SG-000200", "Coulibaly", "Seydou Béla", Gender.M,
                            1990, "+22366001122", null, List.of("FORGE"), SEGOU_05, false, ENROLLED, false));
        }

        @ParameterizedTest(name = "last name of {0} characters")
        @ValueSource(ints = {101, 100_000})
        void nameLongerThan100CharactersIsRefusedWithoutBeingQuoted(int length) {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.lastName = "x".repeat(length)))
                    .expectException(refused(TEXT_TOO_LONG, "lastName"))
                    .expectExceptionMessage(allOf(containsString("100"), not(containsString("xxxxxxxxxx"))))
                    .expectNoEvents();
        }

        @Test
        void nameOf100CharactersOutsideTheBasicPlaneIsAccepted() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.firstName = typed(100)))
                    .expectSuccessfulHandlerExecution();
        }

        @ParameterizedTest(name = "first name \"{0}\"")
        @ValueSource(strings = {"\u200B\u200C\u200D", "\uFEFF\u2060", "\u202E\u2066\u200E\u061C", "\u0000\u0007 \t"})
        void nameWithNothingVisibleIsMissing(String firstName) {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.firstName = firstName))
                    .expectException(refused(MISSING_NAME, "firstName"))
                    .expectNoEvents();
        }

        @Test
        void reasonIsStoredCleaned() {
            fixture.given(AWA)
                    .when(new SuspendMemberCommand(MEMBER, "  Cotisations\u0000\u202E impayées\n2025 "))
                    .expectEvents(new MemberSuspendedEvent(MEMBER, "Cotisations impayées 2025"));
        }

        @Test
        void optionalReasonWithNothingVisibleIsNone() {
            fixture.given(AWA)
                    .when(new TransferMemberCommand(MEMBER, SEGOU_05, "\u200B\u2060"))
                    .expectEvents(new MemberTransferredEvent(MEMBER, SEGOU_03, SEGOU_05, null));
        }

        @Test
        void reasonOf1000CharactersIsAccepted() {
            fixture.given(AWA)
                    .when(new SuspendMemberCommand(MEMBER, typed(1_000)))
                    .expectEvents(new MemberSuspendedEvent(MEMBER, typed(1_000)));
        }

        static Stream<Arguments> commandsWithATextTooLong() {
            String reason = "r".repeat(1_001);
            return Stream.of(
                    Arguments.of("suspension reason", new SuspendMemberCommand(MEMBER, reason), "reason"),
                    Arguments.of("reinstatement reason", new ReinstateMemberCommand(MEMBER, reason), "reason"),
                    Arguments.of("resignation reason", new RecordMemberResignationCommand(MEMBER, null, reason), "reason"),
                    Arguments.of("transfer reason", new TransferMemberCommand(MEMBER, SEGOU_05, reason), "reason"),
                    Arguments.of("correction reason", new CorrectMemberIdentityCommand(MEMBER, "Keita", null, null, null,
                            null, null, reason), "reason"),
                    Arguments.of("erasure reason", new ErasePersonalDataCommand(MEMBER, reason), "reason"),
                    Arguments.of("corrected first name", new CorrectMemberIdentityCommand(MEMBER, null, "a".repeat(101),
                            null, null, null, null, "r"), "firstName"),
                    Arguments.of("national ID", new CorrectMemberIdentityCommand(MEMBER, null, null, null, null,
                            "4".repeat(31), null, "r"), "nationalId"),
                    Arguments.of("phone", new ChangeMemberPhoneCommand(MEMBER, "7".repeat(31)), "phone"),
                    Arguments.of("trade code", new ChangeMemberTradesCommand(MEMBER, List.of("F".repeat(41))), "trades"),
                    Arguments.of("receipt number", new RecordDuesPaymentCommand(MEMBER, 2025, 5000, "R".repeat(51),
                            LocalDate.of(2025, 1, 10)), "receiptNumber"),
                    Arguments.of("unit id", new TransferMemberCommand(MEMBER, "u".repeat(101), null), "toLocalUnitId"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("commandsWithATextTooLong")
        void textLongerThanItsFieldAcceptsIsRefused(String what, Object command, String field) {
            fixture.given(AWA)
                    .when(command)
                    .expectException(refused(TEXT_TOO_LONG, field))
                    .expectNoEvents();
        }

        @Test
        void cardNumberLongerThan20CharactersIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.cardNumber = "SG-" + "0".repeat(18)))
                    .expectException(refused(TEXT_TOO_LONG, "cardNumber"))
                    .expectNoEvents();
        }

        @Test
        void moreThan20TradesAreRefused() {
            fixture.given(AWA)
                    .when(new ChangeMemberTradesCommand(MEMBER, Collections.nCopies(21, "FORGE")))
                    .expectException(refused(TOO_MANY_VALUES, "trades"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "typed \"{0}\"")
        @ValueSource(strings = {"12345678901234K", "12345678901234k", " 1234 5678 9012 34 K ", "1234-5678-9012-34-K",
                "1234.5678.9012.34.k"})
        void ninaTypedAnyUsualWayIsStoredCompactInUpperCase(String typed) {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.nationalId = typed))
                    .expectEvents(new MemberRegisteredEvent("m-new", "SG-000200", "Coulibaly", "Seydou", Gender.M,
                            1990, "+22366001122", "12345678901234K", List.of("FORGE"), SEGOU_05, false, ENROLLED, false));
        }

        @ParameterizedTest(name = "national ID \"{0}\"")
        @ValueSource(strings = {"ABC", "ML1234567", "4293375143154Y", "429337514315455Y", "429337514315455",
                "42933751431545YY", "Y42933751431545", "4293375143154\u200B5Y", "42933751431545\u00C9"})
        void nationalIdThatIsNotANinaIsRefused(String nationalId) {
            fixture.givenNoPriorActivity()
                    .when(registration(r -> r.nationalId = nationalId))
                    .expectException(refused(INVALID_NATIONAL_ID, "nationalId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class PhoneAndTrades {

        @Test
        void phoneIsChanged() {
            fixture.given(AWA)
                    .when(new ChangeMemberPhoneCommand(MEMBER, "66 00 11 22"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new MemberPhoneChangedEvent(MEMBER, "+22366001122"));
        }

        @Test
        void samePhoneTypedDifferentlyChangesNothing() {
            fixture.given(AWA)
                    .when(new ChangeMemberPhoneCommand(MEMBER, "00223 76 12 34 56"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void changedPhoneIsTheOneComparedWithAfterwards() {
            fixture.given(AWA, new MemberPhoneChangedEvent(MEMBER, "+22366001122"))
                    .when(new ChangeMemberPhoneCommand(MEMBER, "+22376123456"))
                    .expectEvents(new MemberPhoneChangedEvent(MEMBER, "+22376123456"));
        }

        @ParameterizedTest(name = "phone \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"123", "+33612345678"})
        void phoneChangeToANumberThatIsNotMalianIsRefused(String phone) {
            fixture.given(AWA)
                    .when(new ChangeMemberPhoneCommand(MEMBER, phone))
                    .expectException(refused(INVALID_PHONE, "phone"))
                    .expectNoEvents();
        }

        @Test
        void tradesAreReplacedNormalised() {
            fixture.given(AWA)
                    .when(new ChangeMemberTradesCommand(MEMBER, List.of("forge ", " Soudure", "FORGE")))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new MemberTradesChangedEvent(MEMBER, List.of("FORGE", "SOUDURE")));
        }

        @Test
        void sameTradesTypedDifferentlyChangeNothing() {
            fixture.given(AWA)
                    .when(new ChangeMemberTradesCommand(MEMBER, List.of("couture", "Teinture ")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void changedTradesAreTheOnesComparedWithAfterwards() {
            fixture.given(AWA, new MemberTradesChangedEvent(MEMBER, List.of("FORGE")))
                    .when(new ChangeMemberTradesCommand(MEMBER, List.of("FORGE")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void tradeChangeToATradeOutsideTheCatalogueIsRefused() {
            fixture.given(AWA)
                    .when(new ChangeMemberTradesCommand(MEMBER, List.of("COUTURE", "JONGLERIE")))
                    .expectException(refused(UNKNOWN_TRADE, "trades"))
                    .expectNoEvents();
        }

        @Test
        void tradeChangeToNoTradeIsRefused() {
            fixture.given(AWA)
                    .when(new ChangeMemberTradesCommand(MEMBER, List.of()))
                    .expectException(refused(UNKNOWN_TRADE, "trades"))
                    .expectNoEvents();
        }
    }

    @Nested
    class IdentityCorrection {

        @Test
        void onlyTheProvidedFieldsAreCorrected() {
            fixture.given(AWA)
                    .when(new CorrectMemberIdentityCommand(MEMBER, " Traore ", null, null, 1986, null, null,
                            "Erreur de saisie"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new MemberIdentityCorrectedEvent(MEMBER, "Traore", "Awa", Gender.F, 1986,
                            "42933751431545Y", false, "Erreur de saisie"));
        }

        static Stream<Arguments> singleFieldCorrections() {
            return Stream.of(
                    Arguments.of("last name",
                            new CorrectMemberIdentityCommand(MEMBER, "Keita", null, null, null, null, null, "r"),
                            new MemberIdentityCorrectedEvent(MEMBER, "Keita", "Awa", Gender.F, 1985, "42933751431545Y",
                                    false, "r")),
                    Arguments.of("first name",
                            new CorrectMemberIdentityCommand(MEMBER, null, "Aminata", null, null, null, null, "r"),
                            new MemberIdentityCorrectedEvent(MEMBER, "Traoré", "Aminata", Gender.F, 1985, "42933751431545Y",
                                    false, "r")),
                    Arguments.of("gender",
                            new CorrectMemberIdentityCommand(MEMBER, null, null, "M", null, null, null, "r"),
                            new MemberIdentityCorrectedEvent(MEMBER, "Traoré", "Awa", Gender.M, 1985, "42933751431545Y",
                                    false, "r")),
                    Arguments.of("birth year",
                            new CorrectMemberIdentityCommand(MEMBER, null, null, null, 1984, null, null, "r"),
                            new MemberIdentityCorrectedEvent(MEMBER, "Traoré", "Awa", Gender.F, 1984, "42933751431545Y",
                                    false, "r")),
                    Arguments.of("national ID",
                            new CorrectMemberIdentityCommand(MEMBER, null, null, null, null, "40000000000001b", null, "r"),
                            new MemberIdentityCorrectedEvent(MEMBER, "Traoré", "Awa", Gender.F, 1985, "40000000000001B",
                                    false, "r")),
                    Arguments.of("disability",
                            new CorrectMemberIdentityCommand(MEMBER, null, null, null, null, null, true, "r"),
                            new MemberIdentityCorrectedEvent(MEMBER, "Traoré", "Awa", Gender.F, 1985, "42933751431545Y",
                                    true, "r")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("singleFieldCorrections")
        void eachIdentityFieldIsCorrectedOnItsOwn(String field, CorrectMemberIdentityCommand command,
                                                  MemberIdentityCorrectedEvent expected) {
            fixture.given(AWA)
                    .when(command)
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(expected);
        }

        @Test
        void everyIdentityFieldCanBeCorrected() {
            fixture.given(AWA)
                    .when(new CorrectMemberIdentityCommand(MEMBER, "Keita", "Aminata", "homme", 1984, "40000000000001b",
                            true, "Pièce d'identité"))
                    .expectEvents(new MemberIdentityCorrectedEvent(MEMBER, "Keita", "Aminata", Gender.M, 1984,
                            "40000000000001B", true, "Pièce d'identité"));
        }

        @Test
        void correctionWithTheCurrentValuesChangesNothing() {
            fixture.given(AWA)
                    .when(new CorrectMemberIdentityCommand(MEMBER, "Traoré ", " Awa", "femme", 1985, "42933751431545y",
                            false, "Vérification"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void correctionWithNoFieldChangesNothing() {
            fixture.given(AWA)
                    .when(new CorrectMemberIdentityCommand(MEMBER, null, null, null, null, null, null, "Rien"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void emptyNationalIdRemovesIt() {
            fixture.given(AWA)
                    .when(new CorrectMemberIdentityCommand(MEMBER, null, null, null, null, "", null, "Pièce perdue"))
                    .expectEvents(new MemberIdentityCorrectedEvent(MEMBER, "Traoré", "Awa", Gender.F, 1985, null,
                            false, "Pièce perdue"));
        }

        @Test
        void correctionToTheNationalIdOfAnotherMemberIsRefused() {
            directories.member("m-2", "SG-000043", "47777777777777C", "Diarra", "Moussa", 1970, SEGOU_05,
                    MemberStatus.ACTIVE);
            fixture.given(AWA)
                    .when(new CorrectMemberIdentityCommand(MEMBER, null, null, null, null, "47777777777777c", null, "Erreur"))
                    .expectException(refused(DUPLICATE_NATIONAL_ID, "nationalId"))
                    .expectNoEvents();
        }

        @Test
        void memberKeepingHerOwnNationalIdIsNoDuplicateOfHerself() {
            fixture.given(AWA)
                    .when(new CorrectMemberIdentityCommand(MEMBER, null, "Awa Fanta", null, null, "42933751431545Y", null,
                            "Deuxième prénom"))
                    .expectEvents(new MemberIdentityCorrectedEvent(MEMBER, "Traoré", "Awa Fanta", Gender.F, 1985,
                            "42933751431545Y", false, "Deuxième prénom"));
        }

        @Test
        void correctedIdentityIsTheOneComparedWithAfterwards() {
            fixture.given(AWA, new MemberIdentityCorrectedEvent(MEMBER, "Traore", "Awa", Gender.F, 1986, null, true,
                            "Erreur"))
                    .when(new CorrectMemberIdentityCommand(MEMBER, "Traore", "Awa", "F", 1986, "", true, "Encore"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void correctionToABlankLastNameIsRefused() {
            fixture.given(AWA)
                    .when(new CorrectMemberIdentityCommand(MEMBER, " ", null, null, null, null, null, "Erreur"))
                    .expectException(refused(MISSING_NAME, "lastName"))
                    .expectNoEvents();
        }

        @Test
        void correctionToAnUnknownGenderIsRefused() {
            fixture.given(AWA)
                    .when(new CorrectMemberIdentityCommand(MEMBER, null, null, "?", null, null, null, "Erreur"))
                    .expectException(refused(INVALID_GENDER, "gender"))
                    .expectNoEvents();
        }

        @Test
        void correctionToABirthYearInTheFutureIsRefused() {
            fixture.given(AWA)
                    .when(new CorrectMemberIdentityCommand(MEMBER, null, null, null, thisYear() + 1, null, null,
                            "Erreur"))
                    .expectException(refused(INVALID_BIRTH_YEAR, "birthYear"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Transfer {

        @Test
        void memberIsTransferredToAnotherLocalUnit() {
            fixture.given(AWA)
                    .when(new TransferMemberCommand(MEMBER, KAYES_01, "Déménagement"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new MemberTransferredEvent(MEMBER, SEGOU_03, KAYES_01, "Déménagement"));
        }

        @Test
        void transferToTheCurrentUnitIsRefused() {
            fixture.given(AWA)
                    .when(new TransferMemberCommand(MEMBER, SEGOU_03, "Erreur"))
                    .expectException(refused(INVALID_INPUT, "toLocalUnitId"))
                    .expectNoEvents();
        }

        @Test
        void transferredMemberBelongsToHerNewUnit() {
            fixture.given(AWA, new MemberTransferredEvent(MEMBER, SEGOU_03, SEGOU_05, "Déménagement"))
                    .when(new TransferMemberCommand(MEMBER, SEGOU_05, "Encore"))
                    .expectException(refused(INVALID_INPUT, "toLocalUnitId"))
                    .expectNoEvents();
        }

        @Test
        void transferToARegionalUnitIsRefused() {
            fixture.given(AWA)
                    .when(new TransferMemberCommand(MEMBER, KAYES, "Déménagement"))
                    .expectException(refused(NOT_A_LOCAL_UNIT, "toLocalUnitId"))
                    .expectNoEvents();
        }

        @Test
        void transferToAClosedUnitIsRefused() {
            fixture.given(AWA)
                    .when(new TransferMemberCommand(MEMBER, SEGOU_09_CLOSED, "Déménagement"))
                    .expectException(refused(ORG_UNIT_CLOSED, "toLocalUnitId"))
                    .expectNoEvents();
        }

        @Test
        void transferToAnUnknownUnitIsRefused() {
            fixture.given(AWA)
                    .when(new TransferMemberCommand(MEMBER, "ou-unknown", "Déménagement"))
                    .expectException(refused(UNKNOWN_ORG_UNIT, "toLocalUnitId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Status {

        private final MemberSuspendedEvent suspended = new MemberSuspendedEvent(MEMBER, "Cotisations impayées");
        private final MemberResignedEvent resigned = new MemberResignedEvent(MEMBER, ENROLLED.plusYears(1), "Départ");

        @Test
        void activeMemberIsSuspended() {
            fixture.given(AWA)
                    .when(new SuspendMemberCommand(MEMBER, " Cotisations impayées "))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new MemberSuspendedEvent(MEMBER, "Cotisations impayées"));
        }

        @ParameterizedTest(name = "reason \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void suspensionWithoutReasonIsRefused(String reason) {
            fixture.given(AWA)
                    .when(new SuspendMemberCommand(MEMBER, reason))
                    .expectException(refused(INVALID_INPUT, "reason"))
                    .expectNoEvents();
        }

        @Test
        void suspendedMemberCannotBeSuspendedAgain() {
            fixture.given(AWA, suspended)
                    .when(new SuspendMemberCommand(MEMBER, "Encore"))
                    .expectException(refused(ILLEGAL_STATUS_TRANSITION, "memberId"))
                    .expectNoEvents();
        }

        @Test
        void resignedMemberCannotBeSuspended() {
            fixture.given(AWA, resigned)
                    .when(new SuspendMemberCommand(MEMBER, "Faute"))
                    .expectException(refused(ILLEGAL_STATUS_TRANSITION, "memberId"))
                    .expectNoEvents();
        }

        @Test
        void suspendedMemberCanBeReinstated() {
            fixture.given(AWA, suspended)
                    .when(new ReinstateMemberCommand(MEMBER, "Cotisations réglées"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new MemberReinstatedEvent(MEMBER, MemberStatus.SUSPENDED, "Cotisations réglées"));
        }

        @Test
        void resignedMemberCanBeReinstated() {
            fixture.given(AWA, resigned)
                    .when(new ReinstateMemberCommand(MEMBER, "Retour"))
                    .expectEvents(new MemberReinstatedEvent(MEMBER, MemberStatus.RESIGNED, "Retour"));
        }

        @Test
        void activeMemberCannotBeReinstated() {
            fixture.given(AWA)
                    .when(new ReinstateMemberCommand(MEMBER, "Erreur"))
                    .expectException(refused(ILLEGAL_STATUS_TRANSITION, "memberId"))
                    .expectNoEvents();
        }

        @Test
        void reinstatedMemberIsActiveAgain() {
            fixture.given(AWA, suspended, new MemberReinstatedEvent(MEMBER, MemberStatus.SUSPENDED, "Réglé"))
                    .when(new SuspendMemberCommand(MEMBER, "Nouvelle faute"))
                    .expectEvents(new MemberSuspendedEvent(MEMBER, "Nouvelle faute"));
        }

        @Test
        void activeMemberResigns() {
            fixture.given(AWA)
                    .when(new RecordMemberResignationCommand(MEMBER, ENROLLED.plusYears(1), "Départ"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new MemberResignedEvent(MEMBER, ENROLLED.plusYears(1), "Départ"));
        }

        @Test
        void suspendedMemberResigns() {
            fixture.given(AWA, suspended)
                    .when(new RecordMemberResignationCommand(MEMBER, ENROLLED.plusYears(1), "Départ"))
                    .expectEvents(new MemberResignedEvent(MEMBER, ENROLLED.plusYears(1), "Départ"));
        }

        @Test
        void resignationWithoutDateTakesEffectToday() {
            fixture.given(AWA)
                    .when(new RecordMemberResignationCommand(MEMBER, null, "Départ"))
                    .expectEvents(new MemberResignedEvent(MEMBER, today(), "Départ"));
        }

        @Test
        void resignedMemberCannotResignAgain() {
            fixture.given(AWA, resigned)
                    .when(new RecordMemberResignationCommand(MEMBER, ENROLLED.plusYears(2), "Encore"))
                    .expectException(refused(ILLEGAL_STATUS_TRANSITION, "memberId"))
                    .expectNoEvents();
        }

        @Test
        void resignationEffectiveInTheFutureIsRefused() {
            fixture.given(AWA)
                    .when(new RecordMemberResignationCommand(MEMBER, today().plusDays(1), "Départ"))
                    .expectException(refused(INVALID_DATE, "effectiveOn"))
                    .expectNoEvents();
        }

        @Test
        void deathOfAnActiveMemberIsRecorded() {
            fixture.given(AWA)
                    .when(new RecordMemberDeathCommand(MEMBER, LocalDate.of(2025, 1, 15)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new MemberDeathRecordedEvent(MEMBER, LocalDate.of(2025, 1, 15)));
        }

        @Test
        void deathOfAResignedMemberIsRecorded() {
            fixture.given(AWA, resigned)
                    .when(new RecordMemberDeathCommand(MEMBER, LocalDate.of(2025, 1, 15)))
                    .expectEvents(new MemberDeathRecordedEvent(MEMBER, LocalDate.of(2025, 1, 15)));
        }

        @Test
        void deathInTheFutureIsRefused() {
            fixture.given(AWA)
                    .when(new RecordMemberDeathCommand(MEMBER, today().plusDays(1)))
                    .expectException(refused(INVALID_DATE, "diedOn"))
                    .expectNoEvents();
        }
    }

    @Nested
    class DeceasedMember {

        static Stream<Arguments> everyCommand() {
            return Stream.of(
                    Arguments.of("correct identity",
                            new CorrectMemberIdentityCommand(MEMBER, "Traore", null, null, null, null, null, "x")),
                    Arguments.of("change phone", new ChangeMemberPhoneCommand(MEMBER, "66 00 11 22")),
                    Arguments.of("change trades", new ChangeMemberTradesCommand(MEMBER, List.of("FORGE"))),
                    Arguments.of("transfer", new TransferMemberCommand(MEMBER, SEGOU_05, "x")),
                    Arguments.of("suspend", new SuspendMemberCommand(MEMBER, "x")),
                    Arguments.of("reinstate", new ReinstateMemberCommand(MEMBER, "x")),
                    Arguments.of("resign", new RecordMemberResignationCommand(MEMBER, LocalDate.of(2025, 2, 1), "x")),
                    Arguments.of("record death again", new RecordMemberDeathCommand(MEMBER, LocalDate.of(2025, 2, 1))),
                    Arguments.of("record dues",
                            new RecordDuesPaymentCommand(MEMBER, 2025, 5000, "R-1", LocalDate.of(2025, 1, 10))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("everyCommand")
        void deceasedMemberRefusesEveryChange(String what, Object command) {
            fixture.given(AWA, new MemberDeathRecordedEvent(MEMBER, LocalDate.of(2025, 1, 15)))
                    .when(command)
                    .expectException(refused(MEMBER_DECEASED, "memberId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class PersonalDataErasure {

        private final MemberPersonalDataErasedEvent erased = new MemberPersonalDataErasedEvent(MEMBER,
                "demande de l'intéressée");

        @Test
        void erasureIsRecordedWithItsReasonOnly() {
            fixture.given(AWA)
                    .when(new ErasePersonalDataCommand(MEMBER, "  demande de l'intéressée "))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(erased);
        }

        @Test
        void erasureOfADeceasedMemberIsAllowed() {
            fixture.given(AWA, new MemberDeathRecordedEvent(MEMBER, LocalDate.of(2025, 1, 15)))
                    .when(new ErasePersonalDataCommand(MEMBER, "demande de l'intéressée"))
                    .expectEvents(erased);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "   ")
        void erasureWithoutReasonIsRefused(String reason) {
            fixture.given(AWA)
                    .when(new ErasePersonalDataCommand(MEMBER, reason))
                    .expectException(refused(INVALID_INPUT, "reason"))
                    .expectNoEvents();
        }

        @Test
        void secondErasureIsRefused() {
            fixture.given(AWA, erased)
                    .when(new ErasePersonalDataCommand(MEMBER, "encore"))
                    .expectException(refused(ALREADY_ERASED, "memberId"))
                    .expectNoEvents();
        }

        static Stream<Arguments> everyOtherCommand() {
            return DeceasedMember.everyCommand();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("everyOtherCommand")
        void erasedMemberRefusesEveryChange(String what, Object command) {
            fixture.given(AWA, erased)
                    .when(command)
                    .expectException(refused(PERSONAL_DATA_ERASED, "memberId"))
                    .expectNoEvents();
        }

        @Test
        void erasedMemberRefusesEvenADuesReceiptRecordedBefore() {
            fixture.given(AWA, new DuesPaymentRecordedEvent(MEMBER, 2025, 5000, "R-1", LocalDate.of(2025, 1, 10)), erased)
                    .when(new RecordDuesPaymentCommand(MEMBER, 2025, 5000, "R-1", LocalDate.of(2025, 1, 10)))
                    .expectException(refused(PERSONAL_DATA_ERASED, "memberId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Dues {

        private static final LocalDate PAID = LocalDate.of(2025, 1, 10);
        private final DuesPaymentRecordedEvent paid = new DuesPaymentRecordedEvent(MEMBER, 2025, 5000, "R-1", PAID);

        @Test
        void duesPaymentIsRecorded() {
            fixture.given(AWA)
                    .when(new RecordDuesPaymentCommand(MEMBER, 2025, 5000, " R-1 ", PAID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(paid);
        }

        @Test
        void duesPaymentWithoutDateIsPaidToday() {
            fixture.given(AWA)
                    .when(new RecordDuesPaymentCommand(MEMBER, thisYear(), 5000, "R-1", null))
                    .expectEvents(new DuesPaymentRecordedEvent(MEMBER, thisYear(), 5000, "R-1", today()));
        }

        @Test
        void suspendedMemberPaysDues() {
            fixture.given(AWA, new MemberSuspendedEvent(MEMBER, "Cotisations impayées"))
                    .when(new RecordDuesPaymentCommand(MEMBER, 2025, 5000, "R-1", PAID))
                    .expectEvents(paid);
        }

        @Test
        void resignedMemberCannotPayDues() {
            fixture.given(AWA, new MemberResignedEvent(MEMBER, ENROLLED, "Départ"))
                    .when(new RecordDuesPaymentCommand(MEMBER, 2025, 5000, "R-1", PAID))
                    .expectException(refused(ILLEGAL_STATUS_TRANSITION, "memberId"))
                    .expectNoEvents();
        }

        @Test
        void sameReceiptRetriedAfterResignationChangesNothing() {
            fixture.given(AWA, paid, new MemberResignedEvent(MEMBER, ENROLLED, "Départ"))
                    .when(new RecordDuesPaymentCommand(MEMBER, 2025, 5000, "R-1", PAID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void sameReceiptWithTheSameAmountChangesNothing() {
            fixture.given(AWA, paid)
                    .when(new RecordDuesPaymentCommand(MEMBER, 2025, 5000, "R-1", PAID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anotherReceiptIsRecordedBesideTheFirst() {
            fixture.given(AWA, paid)
                    .when(new RecordDuesPaymentCommand(MEMBER, 2025, 5000, "R-2", PAID))
                    .expectEvents(new DuesPaymentRecordedEvent(MEMBER, 2025, 5000, "R-2", PAID));
        }

        @Test
        void sameReceiptWithAnotherAmountIsRefused() {
            fixture.given(AWA, paid)
                    .when(new RecordDuesPaymentCommand(MEMBER, 2025, 2500, "R-1", PAID))
                    .expectException(refused(DUPLICATE_RECEIPT, "receiptNumber"))
                    .expectNoEvents();
        }

        @Test
        void sameReceiptForAnotherYearIsRefused() {
            fixture.given(AWA, paid)
                    .when(new RecordDuesPaymentCommand(MEMBER, 2024, 5000, "R-1", PAID))
                    .expectException(refused(DUPLICATE_RECEIPT, "receiptNumber"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "amount {0}")
        @ValueSource(longs = {0, -1, -5000})
        void nonPositiveAmountIsRefused(long amount) {
            fixture.given(AWA)
                    .when(new RecordDuesPaymentCommand(MEMBER, 2025, amount, "R-1", PAID))
                    .expectException(refused(INVALID_AMOUNT, "amountFcfa"))
                    .expectNoEvents();
        }

        @Test
        void duesForNextYearAreAccepted() {
            fixture.given(AWA)
                    .when(new RecordDuesPaymentCommand(MEMBER, thisYear() + 1, 5000, "R-1", PAID))
                    .expectEvents(new DuesPaymentRecordedEvent(MEMBER, thisYear() + 1, 5000, "R-1", PAID));
        }

        @Test
        void duesForAnImplausibleYearAreRefused() {
            fixture.given(AWA)
                    .when(new RecordDuesPaymentCommand(MEMBER, thisYear() + 2, 5000, "R-1", PAID))
                    .expectException(refused(INVALID_INPUT, "year"))
                    .expectNoEvents();
        }

        @Test
        void duesFor2000AreAccepted() {
            fixture.given(AWA)
                    .when(new RecordDuesPaymentCommand(MEMBER, 2000, 5000, "R-1", PAID))
                    .expectEvents(new DuesPaymentRecordedEvent(MEMBER, 2000, 5000, "R-1", PAID));
        }

        @Test
        void duesBefore2000AreRefused() {
            fixture.given(AWA)
                    .when(new RecordDuesPaymentCommand(MEMBER, 1999, 5000, "R-1", PAID))
                    .expectException(refused(INVALID_INPUT, "year"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "receipt \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void duesWithoutReceiptNumberAreRefused(String receipt) {
            fixture.given(AWA)
                    .when(new RecordDuesPaymentCommand(MEMBER, 2025, 5000, receipt, PAID))
                    .expectException(refused(INVALID_INPUT, "receiptNumber"))
                    .expectNoEvents();
        }

        @Test
        void duesPaidInTheFutureAreRefused() {
            fixture.given(AWA)
                    .when(new RecordDuesPaymentCommand(MEMBER, thisYear(), 5000, "R-1", today().plusDays(1)))
                    .expectException(refused(INVALID_DATE, "paidOn"))
                    .expectNoEvents();
        }
    }
}
