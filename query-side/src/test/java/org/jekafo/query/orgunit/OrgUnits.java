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
import java.util.HashMap;
import java.util.Map;

/**
 * The org-units projection of a test, on a fresh {@code jekafo-org-units} index, with the tree the tests
 * share:
 * <pre>
 *   ML (national)
 *   ├── SG (region) ── SG-03, SG-05 (local)
 *   └── KY (region) ── KY-01 (local)
 * </pre>
 * Each unit's events get the next sequence number of that unit, as the event store would.
 */
public final class OrgUnits {

    public static final String NATIONAL = "ou-ml";
    public static final String SEGOU = "ou-sg";
    public static final String KAYES = "ou-ky";
    public static final String SEGOU_03 = "ou-sg-03";
    public static final String SEGOU_05 = "ou-sg-05";
    public static final String KAYES_01 = "ou-ky-01";

    /** How long the queries keep a tree read when this process announced no change (short, for the tests). */
    public static final Duration TREE_KEPT = Duration.ofMillis(300);

    private final ElasticsearchClient client;
    private final OrgUnitIndex index;
    private final OrgUnitProjection projection;
    private final OrgUnitQueries queries;
    private final Map<String, Long> sequences = new HashMap<>();

    private OrgUnits(ElasticsearchClient client) {
        this.client = client;
        this.index = new OrgUnitIndex(client, Clock.systemUTC());
        this.projection = new OrgUnitProjection(client, index);
        this.queries = new OrgUnitQueries(client, index, TREE_KEPT);
    }

    /** Deletes every org-units index left by earlier tests and creates an empty one behind the alias. */
    public static OrgUnits fresh() {
        TestElasticsearch.deleteIndices(OrgUnitIndex.ALIAS + "*");
        OrgUnits orgUnits = new OrgUnits(TestElasticsearch.client());
        orgUnits.index.initialise();
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
        orgUnits.index.refresh();
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

    public void created(String orgUnitId, String code, String name, OrgUnitLevel level, String parentId) {
        EventBatch.handle(() -> create(orgUnitId, code, name, level, parentId));
    }

    private void create(String orgUnitId, String code, String name, OrgUnitLevel level, String parentId) {
        projection.on(new OrgUnitCreatedEvent(orgUnitId, code, name, level, parentId), next(orgUnitId));
    }

    public void moved(String orgUnitId, String previousParentId, String newParentId) {
        EventBatch.handle(() -> projection.on(new OrgUnitMovedEvent(orgUnitId, previousParentId, newParentId),
                next(orgUnitId)));
    }

    /** The move as another instance's projection writes it (Axon Server, several instances): not announced here. */
    public void movedByAnotherInstance(String orgUnitId, String previousParentId, String newParentId) {
        OrgUnitProjection elsewhere = new OrgUnitProjection(client, new OrgUnitIndex(client, Clock.systemUTC()));
        EventBatch.handle(() -> elsewhere.on(new OrgUnitMovedEvent(orgUnitId, previousParentId, newParentId),
                next(orgUnitId)));
    }

    public void renamed(String orgUnitId, String previousName, String name) {
        EventBatch.handle(() -> projection.on(new OrgUnitRenamedEvent(orgUnitId, previousName, name), next(orgUnitId)));
    }

    public void closed(String orgUnitId) {
        EventBatch.handle(() -> projection.on(new OrgUnitClosedEvent(orgUnitId, "fermeture"), next(orgUnitId)));
    }

    /** Makes the latest changes visible to the tree. */
    public void refresh() {
        index.refresh();
    }

    OrgUnitProjection projection() {
        return projection;
    }

    private long next(String orgUnitId) {
        return sequences.merge(orgUnitId, 0L, (previous, ignored) -> previous + 1);
    }
}
