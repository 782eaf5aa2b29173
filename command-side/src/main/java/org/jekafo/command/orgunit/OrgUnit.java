package org.jekafo.command.orgunit;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.jekafo.api.orgunit.OrgUnitAggregates;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.orgunit.CloseOrgUnitCommand;
import org.jekafo.api.orgunit.CreateOrgUnitCommand;
import org.jekafo.api.orgunit.MoveOrgUnitCommand;
import org.jekafo.api.orgunit.OrgUnitClosedEvent;
import org.jekafo.api.orgunit.OrgUnitCreatedEvent;
import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.api.orgunit.OrgUnitMovedEvent;
import org.jekafo.api.orgunit.OrgUnitRenamedEvent;
import org.jekafo.api.orgunit.RenameOrgUnitCommand;
import org.jekafo.command.common.CommandRefusedException;
import org.jekafo.command.common.Require;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.jekafo.command.common.RefusalCodes.DUPLICATE_ORG_UNIT_CODE;
import static org.jekafo.command.common.RefusalCodes.INVALID_INPUT;
import static org.jekafo.command.common.RefusalCodes.INVALID_PARENT;
import static org.jekafo.command.common.RefusalCodes.ORG_UNIT_CLOSED;
import static org.jekafo.command.common.RefusalCodes.ORG_UNIT_NOT_EMPTY;

/** A unit of the federation: the national federation, a region or a local unit. */
@Aggregate(type = OrgUnitAggregates.ORG_UNIT) // the type stored with each event: history reads it
class OrgUnit {

    private static final String CODE_PATTERN = "[A-Z][A-Z0-9]{1,9}(-[A-Z0-9]{1,6})?";
    /** A region's code prefixes its members' card numbers ({@code SG-000123}). */
    private static final String REGION_CODE_PATTERN = "[A-Z]{2,3}";

    @AggregateIdentifier
    private String orgUnitId;
    private String name;
    private OrgUnitLevel level;
    private String parentId;
    private boolean closed;

    OrgUnit() {
        // for Axon
    }

    @CommandHandler
    OrgUnit(CreateOrgUnitCommand command, OrgUnitDirectory directory) {
        String code = Require.text(command.code(), TextLimit.ORG_UNIT_CODE, INVALID_INPUT, "Le code de l'unité est obligatoire.");
        Require.that(code.matches(CODE_PATTERN), INVALID_INPUT, "code",
                "Le code « " + code + " » n'est pas valide (majuscules et chiffres, par ex. SG ou SG-03).");
        String newName = Require.text(command.name(), TextLimit.ORG_UNIT_NAME, INVALID_INPUT, "Le nom de l'unité est obligatoire.");
        Require.that(command.level() != null, INVALID_INPUT, "level", "Le niveau de l'unité est obligatoire.");
        Require.that(command.level() != OrgUnitLevel.REGIONAL || code.matches(REGION_CODE_PATTERN), INVALID_INPUT,
                "code", "Le code d'une région compte 2 ou 3 lettres majuscules (il préfixe les numéros de carte).");
        Require.that(directory.findByCode(code).isEmpty(), DUPLICATE_ORG_UNIT_CODE, "code",
                "Une unité porte déjà le code « " + code + " ».");
        if (command.level() == OrgUnitLevel.NATIONAL) {
            Require.that(command.parentId() == null, INVALID_PARENT, "parentId",
                    "La fédération nationale n'a pas d'unité parente.");
            Require.that(directory.all().stream().noneMatch(u -> u.level() == OrgUnitLevel.NATIONAL),
                    INVALID_PARENT, "level", "La fédération nationale existe déjà.");
        } else {
            requireParent(directory, command.parentId(), command.level(), "parentId");
        }
        apply(new OrgUnitCreatedEvent(command.orgUnitId(), code, newName, command.level(), command.parentId()));
    }

    @CommandHandler
    void handle(RenameOrgUnitCommand command) {
        requireOpen();
        String newName = Require.text(command.name(), TextLimit.ORG_UNIT_NAME, INVALID_INPUT, "Le nom de l'unité est obligatoire.");
        if (!newName.equals(name)) {
            apply(new OrgUnitRenamedEvent(orgUnitId, name, newName));
        }
    }

    @CommandHandler
    void handle(MoveOrgUnitCommand command, OrgUnitDirectory directory) {
        requireOpen();
        Require.that(level != OrgUnitLevel.NATIONAL, INVALID_PARENT, "newParentId",
                "La fédération nationale ne peut pas être déplacée.");
        requireParent(directory, command.newParentId(), level, "newParentId");
        if (!command.newParentId().equals(parentId)) {
            apply(new OrgUnitMovedEvent(orgUnitId, parentId, command.newParentId()));
        }
    }

    @CommandHandler
    void handle(CloseOrgUnitCommand command, OrgUnitDirectory directory) {
        requireOpen();
        String reason = Require.text(command.reason(), TextLimit.REASON, INVALID_INPUT, "Le motif de la fermeture est obligatoire.");
        Require.that(!directory.hasOpenChildren(orgUnitId), ORG_UNIT_NOT_EMPTY, "orgUnitId",
                "L'unité a encore des unités ouvertes ; fermez-les ou déplacez-les d'abord.");
        Require.that(directory.currentMemberCount(orgUnitId) == 0, ORG_UNIT_NOT_EMPTY, "orgUnitId",
                "L'unité a encore des membres ; transférez-les d'abord.");
        apply(new OrgUnitClosedEvent(orgUnitId, reason));
    }

    private void requireOpen() {
        Require.that(!closed, ORG_UNIT_CLOSED, "orgUnitId", "Cette unité est fermée.");
    }

    private static void requireParent(OrgUnitDirectory directory, String parentId, OrgUnitLevel childLevel,
                                      String field) {
        OrgUnitLevel expected = childLevel.parentLevel();
        String id = Require.bounded(Objects.requireNonNullElse(parentId, ""), TextLimit.IDENTIFIER.forField(field));
        OrgUnitEntry parent = directory.find(id)
                .orElseThrow(() -> new CommandRefusedException(INVALID_PARENT, field, "L'unité parente est inconnue."));
        Require.that(parent.level() == expected, INVALID_PARENT, field,
                "Une unité de niveau " + childLevel + " doit dépendre d'une unité de niveau " + expected + ".");
        Require.that(!parent.closed(), ORG_UNIT_CLOSED, field, "L'unité parente est fermée.");
    }

    @EventSourcingHandler
    void on(OrgUnitCreatedEvent event) {
        orgUnitId = event.orgUnitId();
        name = event.name();
        level = event.level();
        parentId = event.parentId();
    }

    @EventSourcingHandler
    void on(OrgUnitRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(OrgUnitMovedEvent event) {
        parentId = event.newParentId();
    }

    @EventSourcingHandler
    void on(OrgUnitClosedEvent event) {
        closed = true;
    }
}
