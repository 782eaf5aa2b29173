package org.jekafo.query.elasticsearch;

import org.jekafo.query.EventBatch;
import org.jekafo.query.elasticsearch.Notes.NoteDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jekafo.query.TestElasticsearch.sources;
import static org.jekafo.query.elasticsearch.Notes.ALIAS;
import static org.jekafo.query.elasticsearch.Notes.batch;
import static org.jekafo.query.elasticsearch.Notes.written;

/** The per-unit-of-work batch of documents, flushed in one bulk request on prepare-commit, against the real Elasticsearch. */
class DocumentBatchTest {

    private ProjectionIndex index;

    @BeforeEach
    void emptyNotesIndex() {
        Notes.deleteAll();
        index = Notes.index();
        index.initialise();
    }

    @AfterEach
    void deleteNotesIndices() {
        Notes.deleteAll();
    }

    /** The note as stored now (a real-time GET, outside any batch). */
    private Optional<NoteDocument> stored(String id) {
        try {
            var response = Notes.client().get(g -> g.index(ALIAS).id(id), NoteDocument.class);
            return Optional.ofNullable(response.found() ? response.source() : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void nothingIsWrittenBeforeTheUnitOfWorkCommits() {
        AtomicBoolean storedBeforeCommit = new AtomicBoolean(true);

        EventBatch.handle(() -> {
            batch(index).create(0, new NoteDocument("a", "hello"));
            storedBeforeCommit.set(stored("a").isPresent());
        });

        assertThat(storedBeforeCommit).isFalse();
        assertThat(stored("a")).map(n -> n.text).contains("hello");
    }

    @Test
    void batchFindsWhatItHoldsBeforeItIsWritten() {
        AtomicReference<Optional<NoteDocument>> found = new AtomicReference<>();

        EventBatch.handle(() -> {
            batch(index).create(0, new NoteDocument("a", "hello"));
            found.set(batch(index).find("a"));
        });

        assertThat(found.get()).map(n -> n.text).contains("hello");
    }

    @Test
    void everyHandlerOfAUnitOfWorkSharesOneBatchPerIndex() {
        List<DocumentBatch<NoteDocument>> batches = new ArrayList<>();

        EventBatch.handle(() -> {
            batches.add(batch(index));
            batches.add(batch(index));
        });
        EventBatch.handle(() -> batches.add(batch(index)));

        assertThat(batches.get(0)).isSameAs(batches.get(1)).isNotSameAs(batches.get(2));
    }

    @Test
    void rolledBackUnitOfWorkWritesNothing() {
        EventBatch.handleAndRollBack(() -> batch(index).create(0, new NoteDocument("a", "hello")));

        assertThat(stored("a")).isEmpty();
    }

    @Test
    void writtenDocumentsAndTheirVersionsAreAnnouncedOnceTheUnitOfWorkHasCommitted() {
        List<Map<String, Long>> announced = new CopyOnWriteArrayList<>();
        index.onWritten((written, versions) -> announced.add(Map.copyOf(versions)));
        AtomicBoolean announcedBeforeCommit = new AtomicBoolean(true);

        EventBatch.handle(() -> {
            batch(index).create(0, new NoteDocument("a", "hello"));
            batch(index).create(3, new NoteDocument("b", "bonjour"));
            announcedBeforeCommit.set(!announced.isEmpty());
        });

        assertThat(announcedBeforeCommit).isFalse();
        assertThat(announced).containsExactly(Map.of("a", 0L, "b", 3L));
        assertThat(stored("b")).map(n -> n.version).contains(3L);
    }

    @Test
    void documentsCreatedByLiveEventsAreAnnouncedAsCreatedWithTheirVersion() {
        List<Map<String, Long>> created = new CopyOnWriteArrayList<>();
        index.onCreated((written, versions) -> created.add(Map.copyOf(versions)));
        written(index, 0, "first", "a");

        EventBatch.handle(() -> {
            batch(index).create(0, new NoteDocument("b", "bonjour"));
            batch(index).create(0, new NoteDocument("b", "bonjour"));
            batch(index).update("a", 1, note -> note.text = "changed");
            batch(index).update("b", 2, note -> note.text = "changed");
        });

        assertThat(created).containsExactly(Map.of("a", 0L), Map.of("b", 2L));
    }

    @Test
    void documentsCreatedByAReplayAreWrittenButNotAnnouncedAsCreated() {
        List<Map<String, Long>> created = new CopyOnWriteArrayList<>();
        List<Map<String, Long>> written = new CopyOnWriteArrayList<>();
        index.onCreated((which, versions) -> created.add(versions));
        index.onWritten((which, versions) -> written.add(Map.copyOf(versions)));

        EventBatch.replay(() -> batch(index).create(0, new NoteDocument("a", "hello")));

        assertThat(written).containsExactly(Map.of("a", 0L));
        assertThat(created).isEmpty();
    }

    @Test
    void rolledBackUnitOfWorkAnnouncesNothing() {
        List<Map<String, Long>> announced = new CopyOnWriteArrayList<>();
        index.onWritten((written, versions) -> announced.add(versions));

        EventBatch.handleAndRollBack(() -> batch(index).create(0, new NoteDocument("a", "hello")));

        assertThat(announced).isEmpty();
    }

    @Test
    void documentRefusedByElasticsearchFailsTheCommitNamingItWithoutItsValues() {
        NoteDocument refused = new NoteDocument("b", "refused");
        refused.unmapped = "valeur personnelle";

        assertThatThrownBy(() -> EventBatch.handle(() -> {
            batch(index).create(0, new NoteDocument("a", "accepted"));
            batch(index).create(0, refused);
        })).isInstanceOf(DocumentRefusedException.class)
                .hasMessageContaining(index.writeIndex())
                .hasMessageContaining("le document b ")
                .hasMessageContaining("strict_dynamic_mapping_exception")
                .hasMessageNotContaining("valeur personnelle");
        assertThat(stored("b")).isEmpty();
    }

    @Test
    void refusedDocumentIsWrittenAloneByTheNextEventTouchingItWhoseHandlerThenFails() {
        NoteDocument refused = new NoteDocument("b", "refused");
        refused.unmapped = "valeur personnelle";
        assertThatThrownBy(() -> written(index, 0, refused, new NoteDocument("a", "accepted")))
                .isInstanceOf(DocumentRefusedException.class);
        AtomicReference<Throwable> handlerFailure = new AtomicReference<>();

        EventBatch.handle(() -> {
            batch(index).create(0, new NoteDocument("a", "accepted"));
            try {
                batch(index).create(0, refused);
            } catch (DocumentRefusedException e) {
                handlerFailure.set(e);
            }
            batch(index).create(0, new NoteDocument("c", "accepted too"));
        });

        assertThat(handlerFailure.get()).isInstanceOf(DocumentRefusedException.class)
                .hasMessageContaining("le document b ");
        assertThat(stored("a")).isPresent();
        assertThat(stored("c")).isPresent();
        assertThat(stored("b")).isEmpty();
    }

    @Test
    void suspectDocumentAcceptedOnItsOwnIsWrittenAndGoesBackToTheBulk() {
        NoteDocument refused = new NoteDocument("b", "refused");
        refused.unmapped = "valeur personnelle";
        assertThatThrownBy(() -> written(index, 0, refused)).isInstanceOf(DocumentRefusedException.class);

        written(index, 0, new NoteDocument("b", "corrected"));
        AtomicBoolean storedBeforeCommit = new AtomicBoolean(true);
        EventBatch.handle(() -> {
            batch(index).update("b", 1, n -> n.text = "updated");
            storedBeforeCommit.set(stored("b").map(n -> n.text).filter("updated"::equals).isPresent());
        });

        assertThat(stored("b")).map(n -> n.text).contains("updated");
        assertThat(storedBeforeCommit).as("written in the bulk at commit, not alone").isFalse();
    }

    @Test
    void createIsSkippedWhenTheDocumentHasThatVersionAlready() {
        written(index, 0, "first", "a");

        written(index, 0, "again", "a");

        assertThat(stored("a")).map(n -> n.text).contains("first");
    }

    @Test
    void documentIsStoredWithItsSequenceNumberAsExternalVersion() throws IOException {
        written(index, 0, "first", "a");
        EventBatch.handle(() -> batch(index).update("a", 7, n -> n.text = "seventh"));

        var response = Notes.client().get(g -> g.index(ALIAS).id("a"), NoteDocument.class);

        assertThat(response.version()).isEqualTo(7);
        assertThat(response.source().version).isEqualTo(7);
    }

    @Test
    void olderDocumentRefusedForItsVersionDoesNotFailTheBatch() {
        written(index, 0, "first", "a");
        EventBatch.handle(() -> batch(index).update("a", 3, n -> n.text = "third"));

        EventBatch.handle(() -> {
            batch(index).create(0, new NoteDocument("a", "redelivered creation"));
            batch(index).create(0, new NoteDocument("b", "new"));
        });

        assertThat(stored("a")).map(n -> n.text).contains("third");
        assertThat(stored("b")).map(n -> n.text).contains("new");
    }

    @Test
    void updateAppliesAnEventAfterTheDocumentsVersion() {
        written(index, 0, "first", "a");

        EventBatch.handle(() -> batch(index).update("a", 1, n -> n.text = "second"));

        assertThat(stored("a")).hasValueSatisfying(n -> {
            assertThat(n.text).isEqualTo("second");
            assertThat(n.version).isEqualTo(1);
        });
    }

    @Test
    void updateAtOrBelowTheDocumentsVersionIsSkipped() {
        written(index, 0, "first", "a");
        EventBatch.handle(() -> batch(index).update("a", 2, n -> n.text = "second"));
        List<Boolean> found = new ArrayList<>();

        EventBatch.handle(() -> {
            found.add(batch(index).update("a", 2, n -> n.text = "redelivered"));
            found.add(batch(index).update("a", 1, n -> n.text = "older"));
        });

        assertThat(found).containsExactly(true, true);
        assertThat(stored("a")).map(n -> n.text).contains("second");
    }

    @Test
    void updateOfAMissingDocumentCreatesNothingAndSaysSo() {
        AtomicBoolean found = new AtomicBoolean(true);

        EventBatch.handle(() -> found.set(batch(index).update("missing", 1, n -> n.text = "x")));

        assertThat(found).isFalse();
        assertThat(stored("missing")).isEmpty();
    }

    @Test
    void writeReplacesTheWholeDocument() {
        written(index, 0, "first", "a");

        EventBatch.handle(() -> batch(index).update("a", 1, n -> n.text = null));

        Map<String, Object> source = sources(ALIAS).get("a");
        assertThat(source).containsOnlyKeys("noteId", "version");
    }
}
