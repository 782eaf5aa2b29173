package org.jekafo.query.orgunit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.jekafo.api.orgunit.OrgUnitClosedEvent;
import org.jekafo.api.orgunit.OrgUnitCreatedEvent;
import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.api.orgunit.OrgUnitMovedEvent;
import org.jekafo.api.orgunit.OrgUnitRenamedEvent;
import org.jekafo.query.EventBatch;
import org.jekafo.query.TestElasticsearch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The org-units projection and the org-unit period projection of a test, on fresh {@code jekafo-org-units} and
 * {@code jekafo-org-unit-periods} indices, with the tree the tests share, created at {@link #TREE_CREATED}:
 * <pre>
 *   ML (national)
 *   ├── SG (region) ── SG-03, SG-05 (local)
 *   └── KY (region) ── KY-01 (local)
 * </pre>
 * Each unit's events get the next sequence number of that unit, as the event store would, and the time given (now when
 * none is).
 */
public final class OrgUnits {

    public static final String NATIONAL = "ou-ml";
    public static final String SEGOU = "ou-sg";
    public static final String KAYES = "ou-ky";
    public static final String SEGOU_03 = "ou-sg-03";
    public static final String SEGOU_05 = "ou-sg-05";
    public static final String KAYES_01 = "ou-ky-01";

    /** When the shared tree was created: before any other event of the tests. */
    public static final Instant TREE_CREATED = Instant.parse("2020-01-01T00:00:00Z");

    /** How long the queries keep a tree read when this process announced no change (short, for the tests). */
    public static final Duration TREE_KEPT = Duration.ofMillis(300);

    private final ElasticsearchClient client;
    private final OrgUnitIndex index;
    private final OrgUnitProjection projection;
    private final OrgUnitQueries queries;
    private final OrgUnitPeriodIndex periodIndex;
    private final OrgUnitPeriodProjection periodProjection;
    private final OrgUnitPeriodQueries pastTrees;
    private final Map<String, Long> sequences = new HashMap<>();

    private OrgUnits(ElasticsearchClient client) {
        this.client = client;
        this.index = new OrgUnitIndex(client, Clock.systemUTC());
        this.projection = new OrgUnitProjection(client, index);
        this.queries = new OrgUnitQueries(client, index, TREE_KEPT);
        this.periodIndex = new OrgUnitPeriodIndex(client, Clock.systemUTC());
        this.periodProjection = new OrgUnitPeriodProjection(client, periodIndex);
        this.pastTrees = new OrgUnitPeriodQueries(client, periodIndex, TREE_KEPT);
    }

    /** Deletes every org-units and periods index left by earlier tests and creates empty ones behind the aliases. */
    public static OrgUnits fresh() {
        TestElasticsearch.deleteIndices(OrgUnitIndex.ALIAS + "*");
        TestElasticsearch.deleteIndices(OrgUnitPeriodIndex.ALIAS + "*");
        OrgUnits orgUnits = new OrgUnits(TestElasticsearch.client());
        orgUnits.index.initialise();
        orgUnits.periodIndex.initialise();
        return orgUnits;
    }

    /** {@link #fresh()} holding the shared tree (created in one batch), searchable. */
    public static OrgUnits withSharedTree() {
        OrgUnits orgUnits = fresh();
        EventBatch.handle(() -> {
            orgUnits.create(NATIONAL, "ML", "Fédération nationale des artisans du Mali", OrgUnitLevel.NATIONAL, null);
            orgUnits.create(SEGOU, "SG", "Ségou", OrgUnitLevel.REGIONAL, NATIONAL);
            orgUnits.create(KAYES, "KY", "Kayes", OrgUnitLevel.REGIONAL, NATIONAL);
            orgUnits.create(SEGOU_03, "SG-03", "Ségou commune III", OrgUnitLevel.LOCAL, SEGOU);
            orgUnits.create(SEGOU_05, "SG-05", "San", OrgUnitLevel.LOCAL, SEGOU);
            orgUnits.create(KAYES_01, "KY-01", "Kayes commune I", OrgUnitLevel.LOCAL, KAYES);
        });
        orgUnits.refresh();
        return orgUnits;
    }

    public OrgUnitIndex index() {
        return index;
    }

    public OrgUnitQueries queries() {
        return queries;
    }

    public OrgUnitTree tree() {
        return queries.tree();
    }

    /** The tree at any date, from the periods. */
    public OrgUnitPeriodQueries pastTrees() {
        return pastTrees;
    }

    public void created(String orgUnitId, String code, String name, OrgUnitLevel level, String parentId) {
        created(orgUnitId, code, name, level, parentId, Instant.now());
    }

    public void created(String orgUnitId, String code, String name, OrgUnitLevel level, String parentId,
                        Instant at) {
        EventBatch.handle(() -> create(orgUnitId, code, name, level, parentId, at));
    }

    private void create(String orgUnitId, String code, String name, OrgUnitLevel level, String parentId) {
        create(orgUnitId, code, name, level, parentId, TREE_CREATED);
    }

    private void create(String orgUnitId, String code, String name, OrgUnitLevel level, String parentId,
                        Instant at) {
        OrgUnitCreatedEvent event = new OrgUnitCreatedEvent(orgUnitId, code, name, level, parentId);
        long sequence = next(orgUnitId);
        projection.on(event, sequence);
        periodProjection.on(event, sequence, at);
    }

    public void moved(String orgUnitId, String previousParentId, String newParentId) {
        moved(orgUnitId, previousParentId, newParentId, Instant.now());
    }

    public void moved(String orgUnitId, String previousParentId, String newParentId, Instant at) {
        OrgUnitMovedEvent event = new OrgUnitMovedEvent(orgUnitId, previousParentId, newParentId);
        handled(orgUnitId, sequence -> projection.on(event, sequence),
                sequence -> periodProjection.on(event, sequence, at));
    }

    /** The move as another instance's projection writes it (Axon Server, several instances): not announced here. */
    public void movedByAnotherInstance(String orgUnitId, String previousParentId, String newParentId) {
        movedByAnotherInstance(orgUnitId, previousParentId, newParentId, Instant.now());
    }

    /** The move at {@code at} as another instance's projections write it, the tree's and the periods': not announced here. */
    public void movedByAnotherInstance(String orgUnitId, String previousParentId, String newParentId, Instant at) {
        OrgUnitProjection elsewhere = new OrgUnitProjection(client, new OrgUnitIndex(client, Clock.systemUTC()));
        OrgUnitPeriodProjection periodsElsewhere = new OrgUnitPeriodProjection(client,
                new OrgUnitPeriodIndex(client, Clock.systemUTC()));
        OrgUnitMovedEvent event = new OrgUnitMovedEvent(orgUnitId, previousParentId, newParentId);
        long sequence = next(orgUnitId);
        EventBatch.handle(() -> {
            elsewhere.on(event, sequence);
            periodsElsewhere.on(event, sequence, at);
        });
    }

    public void renamed(String orgUnitId, String previousName, String name) {
        renamed(orgUnitId, previousName, name, Instant.now());
    }

    public void renamed(String orgUnitId, String previousName, String name, Instant at) {
        OrgUnitRenamedEvent event = new OrgUnitRenamedEvent(orgUnitId, previousName, name);
        handled(orgUnitId, sequence -> projection.on(event, sequence),
                sequence -> periodProjection.on(event, sequence, at));
    }

    public void closed(String orgUnitId) {
        closed(orgUnitId, Instant.now());
    }

    public void closed(String orgUnitId, Instant at) {
        OrgUnitClosedEvent event = new OrgUnitClosedEvent(orgUnitId, "fermeture");
        handled(orgUnitId, sequence -> projection.on(event, sequence),
                sequence -> periodProjection.on(event, sequence, at));
    }

    /** The unit's next event, handled by both projections in one batch. */
    private void handled(String orgUnitId, LongConsumer tree, LongConsumer periods) {
        long sequence = next(orgUnitId);
        EventBatch.handle(() -> {
            tree.accept(sequence);
            periods.accept(sequence);
        });
    }

    /** Makes the latest changes visible to the tree and to the trees of the past. */
    public void refresh() {
        index.refresh();
        periodIndex.refresh();
    }

    OrgUnitProjection projection() {
        return projection;
    }

    OrgUnitPeriodProjection periodProjection() {
        return periodProjection;
    }

    private long next(String orgUnitId) {
        return sequences.merge(orgUnitId, 0L, (previous, ignored) -> previous + 1);
    }
}
