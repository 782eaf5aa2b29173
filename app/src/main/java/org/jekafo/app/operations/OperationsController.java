package org.jekafo.app.operations;

import org.jekafo.app.platform.graphql.InvalidInputException;

import org.jekafo.api.common.TextLimit;
import org.jekafo.api.trade.Trade;
import org.jekafo.api.trade.TradeCatalog;
import org.jekafo.app.platform.health.ProjectionProgress;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

import java.util.List;

/** Reference data (trades) and the state of the projections (asked for or followed), with their rebuild. */
@Controller
class OperationsController {

    private final ProjectionProgress progress;

    OperationsController(ProjectionProgress progress) {
        this.progress = progress;
    }

    record RebuildProjectionInput(String name, Boolean awaitCompletion) {
    }

    record RebuildProjectionPayload(ProjectionProgress.Status projection) {
    }

    @QueryMapping
    List<Trade> trades() {
        return TradeCatalog.all();
    }

    @SchemaMapping(typeName = "Trade")
    String label(Trade trade) {
        return trade.labelFr();
    }

    @QueryMapping
    List<ProjectionProgress.Status> projections() {
        return progress.statuses();
    }

    @SubscriptionMapping
    Flux<List<ProjectionProgress.Status>> projectionStatus() {
        return progress.changes();
    }

    @MutationMapping
    RebuildProjectionPayload rebuildProjection(@Argument RebuildProjectionInput input) {
        InvalidInputException.bounded(input.name(), TextLimit.PROJECTION_NAME);
        if (progress.maintenance().index(input.name()).isEmpty()) {
            throw new InvalidInputException("INVALID_INPUT", "name", "Projection inconnue : « " + input.name() + " ».");
        }
        var rebuild = progress.maintenance().rebuild(input.name());
        if (Boolean.TRUE.equals(input.awaitCompletion())) {
            rebuild.join();
        }
        return new RebuildProjectionPayload(progress.status(input.name()));
    }

}
