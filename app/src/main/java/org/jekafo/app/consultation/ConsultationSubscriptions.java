package org.jekafo.app.consultation;

import graphql.schema.DataFetchingEnvironment;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.api.consultation.ConsultationStatus;
import org.jekafo.api.consultation.ConsultationView;
import org.jekafo.api.consultation.FindConsultationQuery;
import org.jekafo.api.consultation.FindTurnoutQuery;
import org.jekafo.api.consultation.Turnout;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.jekafo.app.platform.readmodel.Announcements;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;

/**
 * Consultations live: turnout while voting goes on (read again at most once a second after ballots are projected),
 * and the consultation once tallied. Both follow the projections' announcements and read again as the caller,
 * through the gate.
 */
@Controller
class ConsultationSubscriptions {

    private static final Duration TURNOUT_PACE = Duration.ofSeconds(1);

    private final Announcements announcements;
    private final QueryGateway queries;
    private final PrincipalProvider principals;

    ConsultationSubscriptions(Announcements announcements, QueryGateway queries, PrincipalProvider principals) {
        this.announcements = announcements;
        this.queries = queries;
        this.principals = principals;
    }

    @SubscriptionMapping
    Flux<ConsultationController.TurnoutView> consultationTurnout(@Argument String id,
                                                                 DataFetchingEnvironment environment) {
        Map<String, Object> asCaller = principals.of(environment.getGraphQlContext()).metaData();
        ConsultationView consultation = read(new FindConsultationQuery(id), ConsultationView.class, asCaller).block();
        if (consultation == null) {
            return Flux.error(new InvalidInputException("NOT_FOUND", "id", "Aucune consultation ne porte cet identifiant."));
        }
        return announcements.follow(new FindTurnoutQuery(id), Turnout.class, asCaller, (initial, written) ->
                Flux.concat(Mono.justOrEmpty(initial), written.sample(TURNOUT_PACE)
                                .concatMap(announced -> read(new FindTurnoutQuery(id), Turnout.class, asCaller), 1))
                        .map(turnout -> ControllerViews.turnout(consultation, turnout)));
    }

    @SubscriptionMapping
    Flux<ConsultationView> consultationTallied(@Argument String id, DataFetchingEnvironment environment) {
        Map<String, Object> asCaller = principals.of(environment.getGraphQlContext()).metaData();
        return announcements.follow(new FindConsultationQuery(id), ConsultationView.class, asCaller, (initial, written) -> {
            ConsultationView now = initial.orElseThrow(() -> new InvalidInputException("NOT_FOUND", "id",
                    "Aucune consultation ne porte cet identifiant."));
            return Flux.just(now).concatWith(written.onBackpressureLatest()
                            .concatMap(announced -> read(new FindConsultationQuery(id), ConsultationView.class, asCaller), 1))
                    .filter(c -> c.status() == ConsultationStatus.TALLIED).take(1);
        });
    }

    private <T> Mono<T> read(Object query, Class<T> type, Map<String, Object> asCaller) {
        return Mono.fromFuture(() -> queries.query(GenericMessage.asMessage(query).andMetaData(asCaller),
                ResponseTypes.instanceOf(type)));
    }
}
