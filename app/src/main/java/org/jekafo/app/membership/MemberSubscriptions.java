package org.jekafo.app.membership;

import graphql.schema.DataFetchingEnvironment;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.api.membership.FindMemberQuery;
import org.jekafo.api.membership.FindMemberRegistrationsQuery;
import org.jekafo.api.membership.MemberView;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.app.platform.gate.AccessRefusedException;
import org.jekafo.app.platform.gate.PersonalDataDisclosure;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.jekafo.app.platform.readmodel.Announcements;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The census live: a member's record each time it changes, the members registered in a unit. Both follow the member
 * projection's announcements ({@link Announcements}) and read each member again as the caller — gate, masking and
 * the personal-data journal as for {@code Query.member} — so nothing is pushed that the caller could not query.
 */
@Controller
class MemberSubscriptions {

    private final Announcements announcements;
    private final QueryGateway queries;
    private final PrincipalProvider principals;

    MemberSubscriptions(Announcements announcements, QueryGateway queries, PrincipalProvider principals) {
        this.announcements = announcements;
        this.queries = queries;
        this.principals = principals;
    }

    /**
     * The member now, then at each version the projection writes. Announcements that pile up are read once (the read
     * shows the latest version); a read the gate refuses (the member moved out of the caller's reach) ends the
     * subscription with that refusal.
     */
    @SubscriptionMapping
    Flux<MemberView> memberChanged(@Argument String id, DataFetchingEnvironment environment) {
        Map<String, Object> asCaller = asCaller(environment);
        return announcements.follow(new FindMemberQuery(id, null), MemberView.class, asCaller, (initial, written) -> {
            MemberView now = initial.orElseThrow(() -> new InvalidInputException("NOT_FOUND", "id",
                    "Aucun membre ne porte cet identifiant."));
            AtomicLong shown = new AtomicLong(now.version());
            return Flux.just(now).concatWith(written.onBackpressureLatest()
                    .concatMap(announced -> read(id, asCaller), 1)
                    .filter(member -> member.version() > shown.get())
                    .doOnNext(member -> shown.set(member.version())));
        });
    }

    /**
     * Each member registered in the unit's subtree from now on, in the order of registration. A new member the caller
     * may no longer read by the time it is read (moved out of their reach meanwhile) is left out.
     */
    @SubscriptionMapping
    Flux<MemberView> memberRegistered(@Argument String orgUnitId, DataFetchingEnvironment environment) {
        Map<String, Object> asCaller = asCaller(environment);
        return announcements.follow(new FindMemberRegistrationsQuery(orgUnitId), OrgUnitView.class, asCaller,
                (unit, registered) -> unit.isEmpty()
                        ? Flux.error(new InvalidInputException("NOT_FOUND", "orgUnitId", "Aucune unité ne porte cet identifiant."))
                        : registered.concatMap(member -> read(member.aggregateId(), asCaller)
                        .onErrorResume(AccessRefusedException.class, refused -> Mono.empty())));
    }

    /** The member as the caller may see it now; empty when the projection shows none. */
    private Mono<MemberView> read(String memberId, Map<String, Object> asCaller) {
        return Mono.fromFuture(() -> queries.query(GenericMessage.asMessage(new FindMemberQuery(memberId, null))
                .andMetaData(asCaller), ResponseTypes.instanceOf(MemberView.class)));
    }

    /**
     * The metadata of every query the subscription sends: the caller, named explicitly since later reads run on the
     * projection's announcement threads, and how personal data comes back ({@link PersonalDataDisclosure#forGraphQl}).
     */
    private Map<String, Object> asCaller(DataFetchingEnvironment environment) {
        Map<String, Object> metaData = new HashMap<>(principals.of(environment.getGraphQlContext()).metaData());
        metaData.putAll(PersonalDataDisclosure.forGraphQl(environment));
        return metaData;
    }
}
