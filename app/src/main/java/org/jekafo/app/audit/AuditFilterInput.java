package org.jekafo.app.audit;

import org.jekafo.api.audit.AuditFilter;
import org.jekafo.api.common.TextLimit;
import org.jekafo.app.platform.graphql.GlobalIds;
import org.jekafo.app.platform.graphql.InvalidInputException;

import java.time.Instant;
import java.util.List;

/**
 * GraphQL's {@code AuditFilter} (and the export's query parameters): the objects and units named by their global id
 * or raw identifier, every text within its limit.
 */
record AuditFilterInput(String aggregateType, String aggregateId, List<String> eventNames, String principal,
                        String role, String channel, String orgUnit, String correlationId, String causationId,
                        Instant from, Instant to, String text) {

    static final TextLimit TEXT = new TextLimit("text", "Le texte recherché", 200);
    static final int MAX_EVENT_NAMES = 50;

    /** The filter as the audit query reads it; {@code null} stays no filter. */
    static AuditFilter toFilter(AuditFilterInput input, String path) {
        if (input == null) {
            return AuditFilter.none();
        }
        if (input.eventNames() != null && input.eventNames().size() > MAX_EVENT_NAMES) {
            throw new InvalidInputException(TextLimit.TOO_MANY_VALUES, path + "eventNames",
                    "Au plus " + MAX_EVENT_NAMES + " noms d'événements.");
        }
        if (input.eventNames() != null) {
            input.eventNames().forEach(name -> InvalidInputException.bounded(name,
                    TextLimit.IDENTIFIER.forField(path + "eventNames")));
        }
        return new AuditFilter(input.aggregateType(), raw(input.aggregateId(), path + "aggregateId"),
                input.eventNames(), bounded(input.principal(), path + "principal"), input.role(), input.channel(),
                raw(input.orgUnit(), path + "orgUnit"), bounded(input.correlationId(), path + "correlationId"),
                bounded(input.causationId(), path + "causationId"), input.from(), input.to(),
                InvalidInputException.bounded(input.text(), TEXT.forField(path + "text")), null);
    }

    private static String raw(String id, String field) {
        return GlobalIds.identifierOf(bounded(id, field));
    }

    private static String bounded(String value, String field) {
        return InvalidInputException.bounded(value, TextLimit.IDENTIFIER.forField(field));
    }
}
