package org.jekafo.app.integrity;

import org.axonframework.common.IdentifierFactory;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.integrity.RecordIntegrityCheckpointCommand;
import org.jekafo.app.integrity.IntegrityViews.CheckpointConnection;
import org.jekafo.app.integrity.IntegrityViews.CheckpointEdge;
import org.jekafo.app.integrity.IntegrityViews.CheckpointView;
import org.jekafo.app.integrity.IntegrityViews.RecordIntegrityCheckpointInput;
import org.jekafo.app.integrity.IntegrityViews.RecordIntegrityCheckpointPayload;
import org.jekafo.app.integrity.IntegrityViews.ReportView;
import org.jekafo.app.integrity.IntegrityViews.Scope;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.jekafo.app.platform.graphql.Mutations;
import org.jekafo.app.platform.graphql.PageInfo;
import org.jekafo.app.platform.identity.CursorSeal;
import org.jekafo.command.integrity.CheckpointLog;
import org.jekafo.command.integrity.IntegrityVerification;
import org.jekafo.integrity.Checkpoint;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Tamper evidence over GraphQL: verification, checkpoints taken and listed (README, Tamper evidence). */
@Controller
class IntegrityController {

    private static final TextLimit AGGREGATE_TYPE = new TextLimit("aggregateType", "Le type d'agrégat", 100);
    private static final TextLimit AGGREGATE_ID = new TextLimit("aggregateId", "L'identifiant de l'agrégat", 100);
    private static final TextLimit CHECKPOINT_ID = new TextLimit("checkpointId", "L'identifiant du point de contrôle", 64);
    private static final TextLimit CHECKPOINT_JSON = new TextLimit("checkpointJson", "Le point de contrôle", 4000);
    private static final String CURSOR_KIND = "integrity-checkpoints";
    private static final int MAX_PAGE = 100;

    private final IntegrityVerification verification;
    private final CheckpointLog checkpoints;
    private final Mutations mutations;
    private final CursorSeal seal;
    private final PrincipalProvider principals;

    IntegrityController(IntegrityVerification verification, CheckpointLog checkpoints, Mutations mutations,
                        CursorSeal seal, PrincipalProvider principals) {
        this.verification = verification;
        this.checkpoints = checkpoints;
        this.mutations = mutations;
        this.seal = seal;
        this.principals = principals;
    }

    @QueryMapping
    ReportView verifyIntegrity(@Argument String aggregateType, @Argument String aggregateId,
                               @Argument String checkpointId, @Argument String checkpointJson) {
        InvalidInputException.bounded(aggregateType, AGGREGATE_TYPE);
        InvalidInputException.bounded(aggregateId, AGGREGATE_ID);
        InvalidInputException.bounded(checkpointId, CHECKPOINT_ID);
        InvalidInputException.bounded(checkpointJson, CHECKPOINT_JSON);
        boolean aggregate = aggregateType != null || aggregateId != null;
        if (aggregate && (aggregateType == null || aggregateId == null)) {
            throw new InvalidInputException("INVALID_INPUT", aggregateType == null ? "aggregateType" : "aggregateId",
                    "Un agrégat se désigne par son type et son identifiant, les deux.");
        }
        if (checkpointId != null && checkpointJson != null) {
            throw new InvalidInputException("INVALID_INPUT", "checkpointJson",
                    "Un seul point de contrôle à la fois : checkpointId ou checkpointJson.");
        }
        if (aggregate && (checkpointId != null || checkpointJson != null)) {
            throw new InvalidInputException("INVALID_INPUT", checkpointId != null ? "checkpointId" : "checkpointJson",
                    "Un point de contrôle se vérifie contre tout le magasin, pas contre un seul agrégat.");
        }
        if (aggregate) {
            return ReportView.of(verification.verifyAggregate(aggregateType, aggregateId), Scope.AGGREGATE, null);
        }
        Checkpoint checkpoint = checkpointId != null ? recorded(checkpointId)
                : checkpointJson != null ? published(checkpointJson) : null;
        return ReportView.of(verification.verifyStore(checkpoint), Scope.STORE, checkpoint);
    }

    @QueryMapping
    CheckpointConnection integrityCheckpoints(@Argument Integer first, @Argument String after) {
        int size = first == null ? PageInfo.DEFAULT_SIZE : first;
        if (size < 0 || size > MAX_PAGE) {
            throw new InvalidInputException("INVALID_INPUT", "first", "first va de 0 à " + MAX_PAGE + ".");
        }
        long offset = after == null ? 0 : ByteBuffer.wrap(seal.open(CURSOR_KIND, principals.current(), "", after)
                .orElseThrow(() -> InvalidInputException.invalidCursor("after"))).getLong();
        List<Checkpoint> page = checkpoints.page(size + 1, offset);
        List<CheckpointEdge> edges = new ArrayList<>();
        for (int i = 0; i < Math.min(size, page.size()); i++) {
            byte[] position = ByteBuffer.allocate(Long.BYTES).putLong(offset + i + 1).array();
            edges.add(new CheckpointEdge(CheckpointView.of(page.get(i)),
                    seal.seal(CURSOR_KIND, principals.current(), "", position)));
        }
        return new CheckpointConnection(checkpoints.count(), edges,
                PageInfo.of(edges.stream().map(CheckpointEdge::cursor).toList(), page.size() > size, offset > 0));
    }

    @MutationMapping
    RecordIntegrityCheckpointPayload recordIntegrityCheckpoint(@Argument RecordIntegrityCheckpointInput input) {
        RecordIntegrityCheckpointInput envelope = input == null ? new RecordIntegrityCheckpointInput(null) : input;
        verification.chainNow();
        String id = IdentifierFactory.getInstance().generateIdentifier();
        mutations.send(new RecordIntegrityCheckpointCommand(id), envelope);
        return new RecordIntegrityCheckpointPayload(envelope.clientMutationId(), CheckpointView.of(recorded(id)));
    }

    private Checkpoint recorded(String checkpointId) {
        return checkpoints.find(checkpointId).orElseThrow(() -> new InvalidInputException("NOT_FOUND", "checkpointId",
                "Aucun point de contrôle ne porte cet identifiant."));
    }

    private static Checkpoint published(String json) {
        try {
            return Checkpoint.fromJson(json);
        } catch (IllegalArgumentException unreadable) {
            throw new InvalidInputException("INVALID_INPUT", "checkpointJson", "Point de contrôle illisible : "
                    + unreadable.getMessage());
        }
    }
}
