package org.jekafo.command.census;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.jekafo.api.census.CensusImportCompletedEvent;
import org.jekafo.api.census.CensusImportFailedEvent;
import org.jekafo.api.census.CensusImportStartedEvent;
import org.jekafo.api.census.CompleteCensusImportCommand;
import org.jekafo.api.census.FailCensusImportCommand;
import org.jekafo.api.census.StartCensusImportCommand;
import org.jekafo.api.common.TextLimit;
import org.jekafo.command.common.Require;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.jekafo.command.common.RefusalCodes.INVALID_INPUT;

/**
 * One census file sent for import: who sent which file (name, SHA-256, size), and how its import ended. The
 * members it registers are their own aggregates; this keeps the record of the file itself.
 */
@Aggregate
class CensusFileImport {

    @AggregateIdentifier
    private String importId;
    private boolean ended;

    CensusFileImport() {
        // for Axon
    }

    @CommandHandler
    CensusFileImport(StartCensusImportCommand command) {
        String name = Require.text(command.fileName(), TextLimit.FILE_NAME, INVALID_INPUT, "Le nom du fichier est obligatoire.");
        Require.that(command.sha256() != null && command.sha256().matches("[0-9a-f]{64}"), INVALID_INPUT, "sha256",
                "L'empreinte SHA-256 du fichier est invalide.");
        Require.that(command.sizeBytes() >= 0, INVALID_INPUT, "sizeBytes", "La taille du fichier est invalide.");
        apply(new CensusImportStartedEvent(command.importId(), name, command.sha256(), command.sizeBytes()));
    }

    @CommandHandler
    void handle(CompleteCensusImportCommand command) {
        requireRunning();
        apply(new CensusImportCompletedEvent(importId, command.lines(), command.registered(),
                command.alreadyImported(), command.rejected()));
    }

    @CommandHandler
    void handle(FailCensusImportCommand command) {
        requireRunning();
        apply(new CensusImportFailedEvent(importId, command.reason()));
    }

    private void requireRunning() {
        Require.that(!ended, INVALID_INPUT, "importId", "Cet import est déjà terminé.");
    }

    @EventSourcingHandler
    void on(CensusImportStartedEvent event) {
        importId = event.importId();
    }

    @EventSourcingHandler
    void on(CensusImportCompletedEvent event) {
        ended = true;
    }

    @EventSourcingHandler
    void on(CensusImportFailedEvent event) {
        ended = true;
    }
}
