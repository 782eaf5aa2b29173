package org.jekafo.app.operations;

import org.jekafo.app.platform.graphql.InvalidInputException;
import org.jekafo.app.platform.graphql.PageInfo;

import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.identity.CursorSeal;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.jekafo.query.elasticsearch.DeadLetters;
import org.jekafo.query.elasticsearch.DeadLetters.Parked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The projections' dead letters for administrators: list, retry, evict. An eviction drops an event from a
 * projection for good, so who did it is logged (principal and role, processor, aggregate id, event type and
 * position: no personal values).
 */
@Controller
class DeadLetterController {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterController.class);
    private static final String CURSOR_KIND = "dl";
    private static final int MAX_PAGE = 500;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final DeadLetters deadLetters;
    private final PrincipalProvider principals;
    private final CursorSeal cursors;

    DeadLetterController(DeadLetters deadLetters, PrincipalProvider principals, CursorSeal cursors) {
        this.deadLetters = deadLetters;
        this.principals = principals;
        this.cursors = cursors;
    }

    record DeadLetterEdge(Parked node, String cursor) {
    }

    record DeadLetterConnection(int totalCount, List<DeadLetterEdge> edges, PageInfo pageInfo) {
    }

    record RetryDeadLettersInput(String processor, String sequenceId) {
    }

    record RetryDeadLettersPayload(String processor, int appliedSequences, long remaining) {
    }

    record EvictDeadLetterInput(String processor, String sequenceId) {
    }

    record EvictDeadLetterPayload(Parked evicted, long remaining) {
    }

    @QueryMapping
    DeadLetterConnection deadLetters(@Argument String processor, @Argument int first, @Argument String after) {
        if (processor != null) {
            known(processor);
        }
        if (first < 0 || first > MAX_PAGE) {
            throw new InvalidInputException("INVALID_INPUT", "first", "Une page compte de 0 à 500 lettres mortes.");
        }
        List<Parked> all = deadLetters.list(processor);
        ActingPrincipal caller = principals.current();
        String query = String.valueOf(processor);
        int start = after == null || after.isBlank() ? 0 : offset(caller, query, after);
        List<Parked> page = all.subList(Math.min(start, all.size()), Math.min(start + first, all.size()));
        List<DeadLetterEdge> edges = IntStream.range(0, page.size())
                .mapToObj(i -> new DeadLetterEdge(page.get(i), cursors.seal(CURSOR_KIND, caller, query,
                        ByteBuffer.allocate(Integer.BYTES).putInt(start + i + 1).array())))
                .toList();
        return new DeadLetterConnection(all.size(), edges, PageInfo.of(edges.stream().map(DeadLetterEdge::cursor).toList(),
                start + edges.size() < all.size(), start > 0));
    }

    @MutationMapping
    RetryDeadLettersPayload retryDeadLetters(@Argument RetryDeadLettersInput input) {
        known(input.processor());
        DeadLetters.Retried retried = deadLetters.retry(input.processor(), input.sequenceId());
        LOG.info("Dead letters of {} retried by {} ({}): sequence {}, {} sequences applied, {} letters remain",
                input.processor(), principal().name(), principal().role(),
                input.sequenceId() == null ? "toutes" : loggable(input.sequenceId()), retried.appliedSequences(), retried.remaining());
        return new RetryDeadLettersPayload(retried.processor(), retried.appliedSequences(), retried.remaining());
    }

    @MutationMapping
    EvictDeadLetterPayload evictDeadLetter(@Argument EvictDeadLetterInput input) {
        known(input.processor());
        ActingPrincipal principal = principal();
        Optional<Parked> evicted = deadLetters.evict(input.processor(), input.sequenceId());
        Parked letter = evicted.orElseThrow(() -> new InvalidInputException("NOT_FOUND", "sequenceId",
                "Aucun événement en attente pour cette séquence."));
        LOG.warn("Dead letter evicted by {} ({}): processor {}, sequence {}, event {} at position {}, sequence number {}",
                principal.name(), principal.role(), letter.processor(), letter.sequenceId(), letter.eventType(),
                letter.globalPosition(), letter.sequenceNumber());
        long remaining = deadLetters.summary(input.processor(), 0).count();
        return new EvictDeadLetterPayload(letter, remaining);
    }

    private ActingPrincipal principal() {
        return principals.current();
    }

    private void known(String processor) {
        if (!deadLetters.isKnown(processor)) {
            throw new InvalidInputException("INVALID_INPUT", "processor", "Processeur inconnu : « " + processor + " ».");
        }
    }

    /** An identifier as typed by the caller, logged only when it looks like one (no forged log lines). */
    private static String loggable(String id) {
        return IDENTIFIER.matcher(id).matches() ? id : "(identifiant invalide)";
    }

    private int offset(ActingPrincipal caller, String query, String cursor) {
        return cursors.open(CURSOR_KIND, caller, query, cursor).filter(payload -> payload.length == Integer.BYTES)
                .map(payload -> ByteBuffer.wrap(payload).getInt()).filter(value -> value >= 0)
                .orElseThrow(InvalidInputException::invalidCursor);
    }
}
