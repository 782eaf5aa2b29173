package org.jekafo.query.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.jekafo.query.EventBatch;
import org.jekafo.query.TestElasticsearch;

import java.time.Clock;

/**
 * A minimal projection for testing {@link ProjectionIndex} and {@link DocumentBatch} on their own: notes with
 * a text, in an index behind the alias {@value #ALIAS} (mapping {@code test-notes.json}, strict).
 */
final class Notes {

    static final String ALIAS = "jekafo-test-notes";

    /** A note; {@link #unmapped} is absent from the mapping, so Elasticsearch refuses a note that sets it. */
    public static class NoteDocument extends VersionedDocument {
        public String noteId;
        public String text;
        public String unmapped;

        public NoteDocument() {
        }

        NoteDocument(String noteId, String text) {
            this.noteId = noteId;
            this.text = text;
        }

        @Override
        public String documentId() {
            return noteId;
        }
    }

    private Notes() {
    }

    /** Deletes every notes index left by earlier tests. */
    static void deleteAll() {
        TestElasticsearch.deleteIndices(ALIAS + "*");
    }

    /** A handle on the notes index, as a freshly started application would have. */
    static ProjectionIndex index() {
        return new ProjectionIndex(TestElasticsearch.client(), ALIAS, "notes-projection",
                "/org/jekafo/query/elasticsearch/test-notes.json", Clock.systemUTC()) {
        };
    }

    static DocumentBatch<NoteDocument> batch(ProjectionIndex index) {
        return DocumentBatch.current(client(), index, NoteDocument.class);
    }

    static ElasticsearchClient client() {
        return TestElasticsearch.client();
    }

    /** Writes these notes as one batch created by events at {@code sequence}. */
    static void written(ProjectionIndex index, long sequence, NoteDocument... notes) {
        EventBatch.handle(() -> {
            for (NoteDocument note : notes) {
                batch(index).create(sequence, note);
            }
        });
    }

    /** Writes notes {@code ids} with text {@code text}, as one batch created by events at {@code sequence}. */
    static void written(ProjectionIndex index, long sequence, String text, String... ids) {
        EventBatch.handle(() -> {
            for (String id : ids) {
                batch(index).create(sequence, new NoteDocument(id, text));
            }
        });
    }
}
