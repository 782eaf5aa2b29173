package org.jekafo.query.elasticsearch;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import org.jekafo.api.common.ShowableFailure;

import java.util.ArrayList;
import java.util.List;

/**
 * Elasticsearch refused a document for what it holds (a value its mapping does not accept), so writing it again
 * would fail again: the event that produced it is a poison event, parked in the processor's dead-letter queue.
 * The message names the index, the document (an aggregate id), the HTTP status and Elasticsearch's error types,
 * never Elasticsearch's reason text, which quotes the refused value (a person's words, a name).
 */
public class DocumentRefusedException extends RuntimeException implements ShowableFailure {

    private final List<String> documentIds;

    DocumentRefusedException(String index, List<String> documentIds, int status, ErrorCause error) {
        super("Elasticsearch a refusé " + (documentIds.size() == 1 ? "le document " + documentIds.get(0)
                : documentIds.size() + " documents (" + String.join(", ", documentIds.subList(0, Math.min(5,
                documentIds.size()))) + (documentIds.size() > 5 ? ", …" : "") + ")")
                + " de l'index " + index + " : HTTP " + status + ", " + types(error) + ".");
        this.documentIds = List.copyOf(documentIds);
    }

    /** The ids of the refused documents. */
    public List<String> documentIds() {
        return documentIds;
    }

    /** Elasticsearch's error type and those of its causes, e.g. {@code document_parsing_exception ← illegal_argument_exception}. */
    private static String types(ErrorCause error) {
        List<String> types = new ArrayList<>();
        for (ErrorCause cause = error; cause != null && types.size() < 4; cause = cause.causedBy()) {
            types.add(cause.type());
        }
        return types.isEmpty() ? "erreur sans type" : String.join(" ← ", types);
    }

    /**
     * Whether a refusal with this status is the document's own fault. Too many requests (429) and server errors
     * (5xx) are Elasticsearch's momentary state: the batch is retried, nothing is parked.
     */
    static boolean isPoison(int status) {
        return status >= 400 && status < 500 && status != 429 && status != 408;
    }
}
