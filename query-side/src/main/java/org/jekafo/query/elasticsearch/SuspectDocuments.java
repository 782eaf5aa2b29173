package org.jekafo.query.elasticsearch;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Documents of one index that Elasticsearch refused in a bulk request. A bulk answer names the refused document,
 * not the event that made it: the batch fails, and when it is handled again each event touching one of these
 * documents writes it alone, at once, so that a refusal fails that event's own handler — which the processor's
 * dead-letter queue then parks, while the rest of the batch goes on in one bulk request.
 */
final class SuspectDocuments {

    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    void add(Collection<String> documentIds) {
        ids.addAll(documentIds);
    }

    boolean contains(String documentId) {
        return !ids.isEmpty() && ids.contains(documentId);
    }

    void remove(Collection<String> documentIds) {
        ids.removeAll(documentIds);
    }
}
