package org.jekafo.command.orgunit;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.orgunit.CloseOrgUnitCommand;
import org.jekafo.api.orgunit.CreateOrgUnitCommand;
import org.jekafo.api.orgunit.MoveOrgUnitCommand;
import org.jekafo.api.orgunit.OrgUnitClosedEvent;
import org.jekafo.api.orgunit.OrgUnitCreatedEvent;
import org.jekafo.api.orgunit.OrgUnitMovedEvent;
import org.jekafo.api.orgunit.OrgUnitRenamedEvent;
import org.jekafo.api.orgunit.RenameOrgUnitCommand;
import org.jekafo.command.membership.InMemoryDirectories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.jekafo.api.orgunit.OrgUnitLevel.LOCAL;
import static org.jekafo.api.orgunit.OrgUnitLevel.NATIONAL;
import static org.jekafo.api.orgunit.OrgUnitLevel.REGIONAL;
import static org.jekafo.command.common.RefusalCodes.DUPLICATE_ORG_UNIT_CODE;
import static org.jekafo.command.common.RefusalCodes.INVALID_INPUT;
import static org.jekafo.command.common.RefusalCodes.INVALID_PARENT;
import static org.jekafo.command.common.RefusalCodes.ORG_UNIT_CLOSED;
import static org.jekafo.command.common.RefusalCodes.ORG_UNIT_NOT_EMPTY;
import static org.jekafo.command.common.RefusalCodes.TEXT_TOO_LONG;
import static org.jekafo.command.common.Refused.refused;

/**
 * The federation's tree: national federation, regions, local units. The directory is seeded with
 * <pre>
 *   ML (national)
 *   ├── SG (region) ── SG-03 (local)
 *   ├── KY (region)
 *   └── MO (region, closed)
 * </pre>
 */
class OrgUnitTest {

    private static final String NATIONAL_ID = "ou-ml";
    private static final String SEGOU = "ou-sg";
    private static final String KAYES = "ou-ky";
    private static final String MOPTI_CLOSED = "ou-mo";
    private static final String SEGOU_03 = "ou-sg-03";

    private InMemoryDirectories directories;
    private FixtureConfiguration<OrgUnit> fixture;

    @BeforeEach
    void setUp() {
        directories = new InMemoryDirectories();
        directories.national(NATIONAL_ID, "ML");
        directories.region(SEGOU, "SG", NATIONAL_ID);
        directories.region(KAYES, "KY", NATIONAL_ID);
        directories.region(MOPTI_CLOSED, "MO", NATIONAL_ID);
        directories.close(MOPTI_CLOSED);
        directories.local(SEGOU_03, "SG-03", SEGOU);
        fixture = fixtureOn(directories);
    }

    private static FixtureConfiguration<OrgUnit> fixtureOn(InMemoryDirectories directories) {
        FixtureConfiguration<OrgUnit> fixture = new AggregateTestFixture<>(OrgUnit.class);
        fixture.registerInjectableResource(directories.orgUnits());
        return fixture;
    }

    /** The creation event of a unit seeded in the directory. */
    private OrgUnitCreatedEvent created(String orgUnitId) {
        OrgUnitEntry unit = directories.orgUnits().find(orgUnitId).orElseThrow();
        return new OrgUnitCreatedEvent(unit.orgUnitId(), unit.code(), unit.name(), unit.level(), unit.parentId());
    }

    @Nested
    class Creation {

        @Test
        void nationalFederationIsCreatedAsTheRootWithoutParent() {
            fixtureOn(new InMemoryDirectories())
                    .givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-new", "ML", "Fédération nationale", NATIONAL, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OrgUnitCreatedEvent("ou-new", "ML", "Fédération nationale", NATIONAL, null));
        }

        @Test
        void regionIsCreatedUnderTheNationalFederation() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-kk", "KK", "Koulikoro", REGIONAL, NATIONAL_ID))
                    .expectEvents(new OrgUnitCreatedEvent("ou-kk", "KK", "Koulikoro", REGIONAL, NATIONAL_ID));
        }

        @Test
        void localUnitIsCreatedUnderARegion() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-sg-04", "SG-04", "Markala", LOCAL, SEGOU))
                    .expectEvents(new OrgUnitCreatedEvent("ou-sg-04", "SG-04", "Markala", LOCAL, SEGOU));
        }

        @Test
        void codeAndNameAreStoredWithoutSurroundingSpaces() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-sg-04", "  SG-04 ", "  Markala ", LOCAL, SEGOU))
                    .expectEvents(new OrgUnitCreatedEvent("ou-sg-04", "SG-04", "Markala", LOCAL, SEGOU));
        }

        @Test
        void creationWithTheCodeOfAnExistingUnitIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-other", "SG-03", "Autre unité", LOCAL, KAYES))
                    .expectException(refused(DUPLICATE_ORG_UNIT_CODE, "code"))
                    .expectNoEvents();
        }

        @Test
        void localUnitUnderTheNationalFederationIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-x", "XX-01", "Sans région", LOCAL, NATIONAL_ID))
                    .expectException(refused(INVALID_PARENT, "parentId"))
                    .expectNoEvents();
        }

        @Test
        void localUnitUnderAnotherLocalUnitIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-x", "SG-99", "Sous-unité", LOCAL, SEGOU_03))
                    .expectException(refused(INVALID_PARENT, "parentId"))
                    .expectNoEvents();
        }

        @Test
        void regionUnderARegionIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-x", "XX", "Sous-région", REGIONAL, SEGOU))
                    .expectException(refused(INVALID_PARENT, "parentId"))
                    .expectNoEvents();
        }

        @Test
        void regionWithoutParentIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-x", "XX", "Région orpheline", REGIONAL, null))
                    .expectException(refused(INVALID_PARENT, "parentId"))
                    .expectNoEvents();
        }

        @Test
        void unitUnderAnUnknownParentIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-x", "SG-04", "Markala", LOCAL, "ou-unknown"))
                    .expectException(refused(INVALID_PARENT, "parentId"))
                    .expectNoEvents();
        }

        @Test
        void unitUnderAClosedParentIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-mo-01", "MO-01", "Djenné", LOCAL, MOPTI_CLOSED))
                    .expectException(refused(ORG_UNIT_CLOSED, "parentId"))
                    .expectNoEvents();
        }

        @Test
        void secondNationalFederationIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-x", "FN", "Autre fédération", NATIONAL, null))
                    .expectException(refused(INVALID_PARENT, "level"))
                    .expectNoEvents();
        }

        @Test
        void nationalFederationWithAParentIsRefused() {
            fixtureOn(new InMemoryDirectories())
                    .givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-x", "ML", "Fédération", NATIONAL, "ou-somewhere"))
                    .expectException(refused(INVALID_PARENT, "parentId"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "code \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "sg-04", "S", "4SG", "SG_04", "SG-", "SG-04-01", "ABCDEFGHIJK",
                "SG-1234567", "SG 04"})
        void creationWithAnInvalidCodeIsRefused(String code) {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-x", code, "Markala", LOCAL, SEGOU))
                    .expectException(refused(INVALID_INPUT, "code"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "region code \"{0}\"")
        @ValueSource(strings = {"KAYES", "R1", "S"})
        void regionWhoseCodeCannotPrefixCardNumbersIsRefused(String code) {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-x", code, "Kayes", REGIONAL, NATIONAL_ID))
                    .expectException(refused(INVALID_INPUT, "code"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "name \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void creationWithoutNameIsRefused(String name) {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-x", "SG-04", name, LOCAL, SEGOU))
                    .expectException(refused(INVALID_INPUT, "name"))
                    .expectNoEvents();
        }

        @Test
        void creationWithoutLevelIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-x", "SG-04", "Markala", null, SEGOU))
                    .expectException(refused(INVALID_INPUT, "level"))
                    .expectNoEvents();
        }
    }

    /** Names and reasons cleaned like every text people type, and bounded. */
    @Nested
    class TextInputs {

        @Test
        void nameIsStoredWithoutInvisibleCharactersAndWithSpacesCollapsed() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-sg-04", "SG-04", "\u202EMar\u200Bkala \u0000\n Centre", LOCAL, SEGOU))
                    .expectEvents(new OrgUnitCreatedEvent("ou-sg-04", "SG-04", "Markala Centre", LOCAL, SEGOU));
        }

        @Test
        void nameWithNothingVisibleIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-sg-04", "SG-04", "\u200B\uFEFF", LOCAL, SEGOU))
                    .expectException(refused(INVALID_INPUT, "name"))
                    .expectNoEvents();
        }

        @Test
        void nameLongerThan100CharactersIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-sg-04", "SG-04", "M".repeat(101), LOCAL, SEGOU))
                    .expectException(refused(TEXT_TOO_LONG, "name"))
                    .expectNoEvents();
        }

        @Test
        void codeLongerThan20CharactersIsRefusedWithoutBeingQuoted() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-sg-04", "S".repeat(100_000), "Markala", LOCAL, SEGOU))
                    .expectException(refused(TEXT_TOO_LONG, "code"))
                    .expectExceptionMessage(not(containsString("SSSSSSSSSS")))
                    .expectNoEvents();
        }

        @Test
        void parentIdLongerThan100CharactersIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateOrgUnitCommand("ou-sg-04", "SG-04", "Markala", LOCAL, "p".repeat(101)))
                    .expectException(refused(TEXT_TOO_LONG, "parentId"))
                    .expectNoEvents();
        }

        @Test
        void closingReasonLongerThan1000CharactersIsRefused() {
            fixture.given(created(SEGOU_03))
                    .when(new CloseOrgUnitCommand(SEGOU_03, "r".repeat(1_001)))
                    .expectException(refused(TEXT_TOO_LONG, "reason"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Renaming {

        @Test
        void unitIsRenamed() {
            fixture.given(created(SEGOU_03))
                    .when(new RenameOrgUnitCommand(SEGOU_03, " San Ouest "))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OrgUnitRenamedEvent(SEGOU_03, "Unité SG-03", "San Ouest"));
        }

        @Test
        void renamingToTheCurrentNameChangesNothing() {
            fixture.given(created(SEGOU_03))
                    .when(new RenameOrgUnitCommand(SEGOU_03, "Unité SG-03 "))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void renamingComparesWithTheNameGivenByTheLastRename() {
            fixture.given(created(SEGOU_03), new OrgUnitRenamedEvent(SEGOU_03, "Unité SG-03", "San Ouest"))
                    .when(new RenameOrgUnitCommand(SEGOU_03, "Unité SG-03"))
                    .expectEvents(new OrgUnitRenamedEvent(SEGOU_03, "San Ouest", "Unité SG-03"));
        }

        @ParameterizedTest(name = "name \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void renamingWithoutNameIsRefused(String name) {
            fixture.given(created(SEGOU_03))
                    .when(new RenameOrgUnitCommand(SEGOU_03, name))
                    .expectException(refused(INVALID_INPUT, "name"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Moving {

        @Test
        void localUnitIsMovedToAnotherRegion() {
            fixture.given(created(SEGOU_03))
                    .when(new MoveOrgUnitCommand(SEGOU_03, KAYES))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OrgUnitMovedEvent(SEGOU_03, SEGOU, KAYES));
        }

        @Test
        void movingUnderTheCurrentParentChangesNothing() {
            fixture.given(created(SEGOU_03))
                    .when(new MoveOrgUnitCommand(SEGOU_03, SEGOU))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void movedUnitKnowsItsNewParent() {
            fixture.given(created(SEGOU_03), new OrgUnitMovedEvent(SEGOU_03, SEGOU, KAYES))
                    .when(new MoveOrgUnitCommand(SEGOU_03, SEGOU))
                    .expectEvents(new OrgUnitMovedEvent(SEGOU_03, KAYES, SEGOU));
        }

        @Test
        void movingTheNationalFederationIsRefused() {
            fixture.given(created(NATIONAL_ID))
                    .when(new MoveOrgUnitCommand(NATIONAL_ID, SEGOU))
                    .expectException(refused(INVALID_PARENT, "newParentId"))
                    .expectNoEvents();
        }

        @Test
        void movingALocalUnitUnderTheNationalFederationIsRefused() {
            fixture.given(created(SEGOU_03))
                    .when(new MoveOrgUnitCommand(SEGOU_03, NATIONAL_ID))
                    .expectException(refused(INVALID_PARENT, "newParentId"))
                    .expectNoEvents();
        }

        @Test
        void movingUnderAnUnknownParentIsRefused() {
            fixture.given(created(SEGOU_03))
                    .when(new MoveOrgUnitCommand(SEGOU_03, "ou-unknown"))
                    .expectException(refused(INVALID_PARENT, "newParentId"))
                    .expectNoEvents();
        }

        @Test
        void movingWithoutNewParentIsRefused() {
            fixture.given(created(SEGOU_03))
                    .when(new MoveOrgUnitCommand(SEGOU_03, null))
                    .expectException(refused(INVALID_PARENT, "newParentId"))
                    .expectNoEvents();
        }

        @Test
        void movingUnderAClosedRegionIsRefused() {
            fixture.given(created(SEGOU_03))
                    .when(new MoveOrgUnitCommand(SEGOU_03, MOPTI_CLOSED))
                    .expectException(refused(ORG_UNIT_CLOSED, "newParentId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Closing {

        @Test
        void emptyUnitIsClosed() {
            fixture.given(created(SEGOU_03))
                    .when(new CloseOrgUnitCommand(SEGOU_03, " Fusion avec SG-04 "))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OrgUnitClosedEvent(SEGOU_03, "Fusion avec SG-04"));
        }

        @Test
        void unitWhoseMembersHaveAllLeftIsClosed() {
            directories.member("m-1", "SG-000001", null, "Traoré", "Awa", 1980, SEGOU_03, MemberStatus.RESIGNED);
            directories.member("m-2", "SG-000002", null, "Diarra", "Moussa", 1950, SEGOU_03, MemberStatus.DECEASED);
            fixture.given(created(SEGOU_03))
                    .when(new CloseOrgUnitCommand(SEGOU_03, "Plus de membres"))
                    .expectEvents(new OrgUnitClosedEvent(SEGOU_03, "Plus de membres"));
        }

        @ParameterizedTest(name = "reason \"{0}\"")
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void closingWithoutReasonIsRefused(String reason) {
            fixture.given(created(SEGOU_03))
                    .when(new CloseOrgUnitCommand(SEGOU_03, reason))
                    .expectException(refused(INVALID_INPUT, "reason"))
                    .expectNoEvents();
        }

        @Test
        void closingAUnitWithOpenChildrenIsRefused() {
            fixture.given(created(SEGOU))
                    .when(new CloseOrgUnitCommand(SEGOU, "Réorganisation"))
                    .expectException(refused(ORG_UNIT_NOT_EMPTY, "orgUnitId"))
                    .expectNoEvents();
        }

        @Test
        void regionWhoseChildrenAreAllClosedIsClosed() {
            directories.close(SEGOU_03);
            fixture.given(created(SEGOU))
                    .when(new CloseOrgUnitCommand(SEGOU, "Réorganisation"))
                    .expectEvents(new OrgUnitClosedEvent(SEGOU, "Réorganisation"));
        }

        @Test
        void closingAUnitWithAnActiveMemberIsRefused() {
            directories.member("m-1", "SG-000001", null, "Traoré", "Awa", 1980, SEGOU_03, MemberStatus.ACTIVE);
            fixture.given(created(SEGOU_03))
                    .when(new CloseOrgUnitCommand(SEGOU_03, "Fusion"))
                    .expectException(refused(ORG_UNIT_NOT_EMPTY, "orgUnitId"))
                    .expectNoEvents();
        }

        @Test
        void closingAUnitWithASuspendedMemberIsRefused() {
            directories.member("m-1", "SG-000001", null, "Traoré", "Awa", 1980, SEGOU_03, MemberStatus.SUSPENDED);
            fixture.given(created(SEGOU_03))
                    .when(new CloseOrgUnitCommand(SEGOU_03, "Fusion"))
                    .expectException(refused(ORG_UNIT_NOT_EMPTY, "orgUnitId"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ClosedUnit {

        static Stream<Arguments> commandsOnAClosedUnit() {
            return Stream.of(
                    Arguments.of("rename", new RenameOrgUnitCommand(SEGOU_03, "Nouveau nom")),
                    Arguments.of("move", new MoveOrgUnitCommand(SEGOU_03, KAYES)),
                    Arguments.of("close again", new CloseOrgUnitCommand(SEGOU_03, "Encore")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("commandsOnAClosedUnit")
        void closedUnitRefusesEveryChange(String what, Object command) {
            directories.close(SEGOU_03);
            fixture.given(created(SEGOU_03), new OrgUnitClosedEvent(SEGOU_03, "Fusion"))
                    .when(command)
                    .expectException(refused(ORG_UNIT_CLOSED, "orgUnitId"))
                    .expectNoEvents();
        }
    }
}
