package org.jekafo.query.elasticsearch;

import org.jekafo.query.TestElasticsearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jekafo.query.TestElasticsearch.count;
import static org.jekafo.query.TestElasticsearch.indexExists;
import static org.jekafo.query.TestElasticsearch.indicesMatching;
import static org.jekafo.query.TestElasticsearch.indicesOfAlias;
import static org.jekafo.query.TestElasticsearch.sources;
import static org.jekafo.query.elasticsearch.Notes.ALIAS;
import static org.jekafo.query.elasticsearch.Notes.written;

/** The alias and concrete indices of a projection, and rebuilding into a fresh index, against the real Elasticsearch. */
class ProjectionIndexTest {

    private ProjectionIndex index;

    @BeforeEach
    void noNotesIndex() {
        Notes.deleteAll();
        index = Notes.index();
    }

    @AfterEach
    void deleteNotesIndices() {
        Notes.deleteAll();
    }

    /** The index holds notes a and b (searchable), and a rebuild has begun. */
    private String rebuildBegunAfterNotesAAndB() {
        index.initialise();
        written(index, 0, "old", "a", "b");
        index.refresh();
        String old = index.writeIndex();
        index.beginRebuild();
        return old;
    }

    @Test
    void firstInitialisationCreatesAConcreteIndexBehindTheAliasAndSaysSo() {
        boolean created = index.initialise() == ProjectionIndex.State.CREATED;

        assertThat(created).isTrue();
        assertThat(index.writeIndex()).startsWith(ALIAS + "-");
        assertThat(indicesOfAlias(ALIAS)).containsExactly(index.writeIndex());
    }

    @Test
    void laterInitialisationCreatesNothing() {
        index.initialise();
        String first = index.writeIndex();

        boolean created = index.initialise() == ProjectionIndex.State.CREATED;

        assertThat(created).isFalse();
        assertThat(index.writeIndex()).isEqualTo(first);
        assertThat(indicesMatching(ALIAS + "*")).containsExactly(first);
    }

    @Test
    void restartedApplicationFindsTheExistingIndex() {
        index.initialise();
        ProjectionIndex afterRestart = Notes.index();

        boolean created = afterRestart.initialise() == ProjectionIndex.State.CREATED;

        assertThat(created).isFalse();
        assertThat(afterRestart.writeIndex()).isEqualTo(index.writeIndex());
        assertThat(indicesMatching(ALIAS + "*")).containsExactly(index.writeIndex());
    }

    @Test
    void rebuildInterruptedByARestartIsReportedAndItsIndexDeleted() {
        String old = rebuildBegunAfterNotesAAndB();
        String unfinished = index.writeIndex();
        ProjectionIndex afterRestart = Notes.index();

        ProjectionIndex.State found = afterRestart.initialise();

        assertThat(found).isEqualTo(ProjectionIndex.State.REBUILD_INTERRUPTED);
        assertThat(afterRestart.writeIndex()).isEqualTo(old);
        assertThat(indicesMatching(ALIAS + "*")).containsExactly(old).doesNotContain(unfinished);
    }

    @Test
    void abandonedRebuildIsReportedByTheNextInitialisation() {
        String old = rebuildBegunAfterNotesAAndB();
        index.abandonRebuild();

        ProjectionIndex.State found = index.initialise();

        assertThat(found).isEqualTo(ProjectionIndex.State.REBUILD_INTERRUPTED);
        assertThat(index.writeIndex()).isEqualTo(old);
    }

    @Test
    void indexCreatedByAWriterIsReportedToTheNextInitialisation() {
        index.writeIndex();

        assertThat(index.initialise()).isEqualTo(ProjectionIndex.State.CREATED);
        assertThat(index.initialise()).isEqualTo(ProjectionIndex.State.READY);
    }

    @Test
    void firstWriteCreatesTheIndexWhenNobodyInitialisedIt() {
        written(index, 0, "first", "a");

        assertThat(indicesOfAlias(ALIAS)).containsExactly(index.writeIndex());
        assertThat(sources(ALIAS)).containsOnlyKeys("a");
    }

    @Test
    void rebuildWritesIntoAFreshIndex() {
        String old = rebuildBegunAfterNotesAAndB();

        written(index, 0, "new", "c", "d", "e");

        assertThat(index.writeIndex()).isNotEqualTo(old).startsWith(ALIAS + "-");
        assertThat(sources(index.writeIndex())).containsOnlyKeys("c", "d", "e");
    }

    @Test
    void readsThroughTheAliasSeeTheOldIndexUntilTheRebuildCompletes() {
        String old = rebuildBegunAfterNotesAAndB();

        written(index, 0, "new", "c", "d", "e");

        assertThat(indicesOfAlias(ALIAS)).containsExactly(old);
        assertThat(sources(ALIAS)).containsOnlyKeys("a", "b");
    }

    @Test
    void completedRebuildMovesTheAliasAndDeletesTheOldIndex() {
        String old = rebuildBegunAfterNotesAAndB();
        written(index, 0, "new", "c", "d", "e");

        index.completeRebuild();

        assertThat(indicesOfAlias(ALIAS)).containsExactly(index.writeIndex());
        assertThat(indexExists(old)).isFalse();
        assertThat(sources(ALIAS)).containsOnlyKeys("c", "d", "e");
    }

    @Test
    void aRebuildingIndexIsNotRefreshedUntilItsAliasMovesThenRefreshesAsByDefault() {
        rebuildBegunAfterNotesAAndB();
        String rebuilt = index.writeIndex();
        String during = refreshInterval(rebuilt);

        index.completeRebuild();

        assertThat(during).isEqualTo("-1");
        assertThat(refreshInterval(rebuilt)).isNull();
    }

    private static String refreshInterval(String concrete) {
        try {
            var settings = TestElasticsearch.client().indices().getSettings(g -> g.index(concrete)).get(concrete)
                    .settings();
            return settings.index() != null && settings.index().refreshInterval() != null
                    ? settings.index().refreshInterval().time() : null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void completedRebuildIsSearchableAtOnce() {
        rebuildBegunAfterNotesAAndB();
        written(index, 0, "new", "c", "d", "e");

        index.completeRebuild();

        assertThat(count(ALIAS)).isEqualTo(3);
    }

    @Test
    void readsThroughTheAliasNeverFailNorSeeAHalfBuiltIndexDuringTheSwap() {
        rebuildBegunAfterNotesAAndB();
        written(index, 0, "new", "c", "d", "e");
        List<Object> seen = new CopyOnWriteArrayList<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (reading.get()) {
                try {
                    seen.add(count(ALIAS));
                } catch (RuntimeException e) {
                    seen.add(e);
                }
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() >= 20);

        index.completeRebuild();
        int readsAtSwap = seen.size();
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() >= readsAtSwap + 20);
        reading.set(false);
        reader.join();

        assertThat(seen).allSatisfy(result -> assertThat(result).isIn(2L, 3L));
        assertThat(seen.get(seen.size() - 1)).isEqualTo(3L);
    }

    @Test
    void writesAfterTheRebuildGoToTheIndexNowBehindTheAlias() {
        rebuildBegunAfterNotesAAndB();
        written(index, 0, "new", "c");
        index.completeRebuild();

        written(index, 0, "later", "f");
        index.refresh();

        assertThat(sources(ALIAS)).containsOnlyKeys("c", "f");
    }

    @Test
    void rebuildingAgainLeavesOneIndexBehindTheAlias() {
        rebuildBegunAfterNotesAAndB();
        written(index, 0, "second", "c");
        index.completeRebuild();

        index.beginRebuild();
        written(index, 0, "third", "d");
        index.completeRebuild();

        Set<String> remaining = indicesMatching(ALIAS + "*");
        assertThat(remaining).containsExactly(index.writeIndex());
        assertThat(indicesOfAlias(ALIAS)).containsExactly(index.writeIndex());
        assertThat(sources(ALIAS)).containsOnlyKeys("d");
    }

    @Test
    void indexLostWhileRunningIsRecreatedByTheNextCheck() {
        index.initialise();
        written(index, 0, "before the loss", "a");
        TestElasticsearch.deleteIndices(ALIAS + "*");

        boolean created = index.initialise() == ProjectionIndex.State.CREATED;

        assertThat(created).as("initialise() must report the new, empty index so that it is replayed").isTrue();
        assertThat(indicesOfAlias(ALIAS)).containsExactly(index.writeIndex());
    }
}
