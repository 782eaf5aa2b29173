package org.jekafo.command.census;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jekafo.api.census.CensusImportCompletedEvent;
import org.jekafo.api.census.CensusImportFailedEvent;
import org.jekafo.api.census.CensusImportStartedEvent;
import org.jekafo.api.census.CompleteCensusImportCommand;
import org.jekafo.api.census.FailCensusImportCommand;
import org.jekafo.api.census.StartCensusImportCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.jekafo.command.common.RefusalCodes.INVALID_INPUT;
import static org.jekafo.command.common.RefusalCodes.TEXT_TOO_LONG;
import static org.jekafo.command.common.Refused.refused;

/** The record of one census file sent for import: which file, then how its import ended, once. */
class CensusFileImportTest {

    private static final String ID = "import-1";
    private static final String SHA = "a".repeat(64);

    private FixtureConfiguration<CensusFileImport> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CensusFileImport.class);
    }

    @Test
    void startRecordsWhichFile() {
        fixture.givenNoPriorActivity()
                .when(new StartCensusImportCommand(ID, "recensement.csv", SHA, 1234))
                .expectEvents(new CensusImportStartedEvent(ID, "recensement.csv", SHA, 1234));
    }

    @Test
    void startWithoutAValidChecksumIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new StartCensusImportCommand(ID, "recensement.csv", "pas une empreinte", 1234))
                .expectException(refused(INVALID_INPUT, "sha256"));
    }

    @Test
    void startWithAnOverlongFileNameIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new StartCensusImportCommand(ID, "x".repeat(256), SHA, 1234))
                .expectException(refused(TEXT_TOO_LONG, "fileName"));
    }

    @Test
    void completionRecordsTheCounts() {
        fixture.given(new CensusImportStartedEvent(ID, "recensement.csv", SHA, 1234))
                .when(new CompleteCensusImportCommand(ID, 500, 458, 0, 42))
                .expectEvents(new CensusImportCompletedEvent(ID, 500, 458, 0, 42));
    }

    @Test
    void anEndedImportCannotEndAgain() {
        fixture.given(new CensusImportStartedEvent(ID, "recensement.csv", SHA, 1234),
                        new CensusImportCompletedEvent(ID, 500, 458, 0, 42))
                .when(new FailCensusImportCommand(ID, "arrêt"))
                .expectException(refused(INVALID_INPUT, "importId"));
    }

    @Test
    void failureRecordsTheReason() {
        fixture.given(new CensusImportStartedEvent(ID, "recensement.csv", SHA, 1234))
                .when(new FailCensusImportCommand(ID, "L'import a été interrompu (arrêt du serveur)."))
                .expectEvents(new CensusImportFailedEvent(ID, "L'import a été interrompu (arrêt du serveur)."));
    }
}
