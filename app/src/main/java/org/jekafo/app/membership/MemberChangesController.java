package org.jekafo.app.membership;

import graphql.schema.DataFetchingEnvironment;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.membership.FindMemberChangesQuery;
import org.jekafo.api.membership.MemberChanges;
import org.jekafo.api.membership.MemberView;
import org.jekafo.app.platform.gate.PersonalDataDisclosure;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.jekafo.app.platform.health.StoredPositions;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The changes feed a field agent's tablet syncs its unit with ({@code memberChanges}). */
@Controller
class MemberChangesController {

    static final String PROJECTION = "member-projection";

    private final QueryGateway queries;
    private final StoredPositions positions;

    MemberChangesController(QueryGateway queries, StoredPositions positions) {
        this.queries = queries;
        this.positions = positions;
    }

    record MemberChangeView(String kind, String memberId, MemberView member) {
    }

    record MemberChangeFeed(List<MemberChangeView> changes, String token, boolean hasMore) {
    }

    /** Where a tablet stands in the feed: after this member's change at this position. */
    record Token(long position, String memberId) {

        static final Token START = new Token(Long.MIN_VALUE, "");

        String encoded() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + position + ":" + memberId)
                    .getBytes(StandardCharsets.UTF_8));
        }

        static Token of(String since) {
            if (since == null || since.isBlank()) {
                return START;
            }
            InvalidInputException.bounded(since, TextLimit.CURSOR);
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(since), StandardCharsets.UTF_8)
                        .split(":", 3);
                if (parts.length == 3 && parts[0].equals("v1")) {
                    return new Token(Long.parseLong(parts[1]), parts[2]);
                }
            } catch (IllegalArgumentException malformed) {
                // refused below
            }
            throw new InvalidInputException("INVALID_CURSOR", "since", "Ce jeton de synchronisation n'est pas "
                    + "valide : il a été modifié. Refaites un premier téléchargement (sans `since`).");
        }
    }

    @QueryMapping
    MemberChangeFeed memberChanges(@Argument String orgUnitId, @Argument String since, @Argument int first,
                                   DataFetchingEnvironment environment) {
        if (first < 1 || first > 500) {
            throw new InvalidInputException("INVALID_INPUT", "first", "Une page compte de 1 à 500 changements.");
        }
        Token after = Token.of(since);
        long complete = positions.complete(PROJECTION);
        MemberChanges changes = queries.query(GenericMessage.asMessage(new FindMemberChangesQuery(orgUnitId,
                        after.position(), after.memberId(), complete, first))
                        .andMetaData(PersonalDataDisclosure.forGraphQl(environment)),
                ResponseTypes.instanceOf(MemberChanges.class)).join();
        List<MemberChangeView> views = changes.changes().stream().map(change -> new MemberChangeView(
                change.member() == null ? "LEFT_UNIT" : change.member().personalDataErased() ? "PERSONAL_DATA_ERASED"
                        : "UPDATED", change.memberId(), change.member())).toList();
        Token next = changes.changes().isEmpty() ? after : new Token(
                changes.changes().get(changes.changes().size() - 1).position(),
                changes.changes().get(changes.changes().size() - 1).memberId());
        return new MemberChangeFeed(views, next.encoded(), changes.hasMore());
    }
}
