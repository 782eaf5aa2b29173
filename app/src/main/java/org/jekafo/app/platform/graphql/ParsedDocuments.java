package org.jekafo.app.platform.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The documents clients send, parsed and validated once: clients send the same few documents over and over with other
 * variables, and parsing and validating one cost as much CPU as answering it (JFR, read benchmark). Keyed by the
 * document's exact text and the request's locale (validation messages are localised), the {@value #SIZE} most
 * recently used are kept.
 *
 * <p>Nothing a request is checked for is skipped: the document limits that graphql-java applies while parsing
 * ({@link GraphQlLimits}: aliases) depend on the text alone, and a document they refuse is not kept (the refusal is
 * thrown, never stored), so it is refused again each time; the length limit, depth and complexity limits, access
 * checks and masking run on every request, after this.
 */
@Component
class ParsedDocuments implements PreparsedDocumentProvider, GraphQlSourceBuilderCustomizer {

    static final int SIZE = 256;

    private record Key(String document, Locale locale) {
    }

    private final Map<Key, PreparsedDocumentEntry> kept = new LinkedHashMap<>(SIZE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, PreparsedDocumentEntry> eldest) {
            return size() > SIZE;
        }
    };

    @Override
    public void customize(GraphQlSource.SchemaResourceBuilder builder) {
        builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        Key key = new Key(input.getQuery(), input.getLocale());
        PreparsedDocumentEntry entry;
        synchronized (kept) {
            entry = kept.get(key);
        }
        if (entry == null) {
            entry = parseAndValidate.apply(input); // a refusal is thrown: nothing kept
            synchronized (kept) {
                kept.put(key, entry);
            }
        }
        return CompletableFuture.completedFuture(entry);
    }
}
