package org.jekafo.query.orgunit;

import org.jekafo.api.membership.CountBucket;
import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.api.orgunit.OrgUnitView;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The federation's tree as the org-units index holds it now ({@link OrgUnitQueries#tree()}), or as it stood at a date
 * ({@link OrgUnitPeriodQueries#treeAt}). Members are indexed with their local unit only; subtrees and regions are
 * resolved through this tree at query time, so moving a unit never requires rewriting member documents.
 */
public final class OrgUnitTree {

    private final Map<String, OrgUnitView> units = new LinkedHashMap<>();
    private final Map<String, List<String>> children = new LinkedHashMap<>();
    private volatile List<OrgUnitView> byCode;

    OrgUnitTree(Collection<OrgUnitDocument> documents) {
        Map<String, OrgUnitDocument> byId = new LinkedHashMap<>();
        documents.forEach(d -> byId.put(d.orgUnitId, d));
        documents.forEach(d -> {
            units.put(d.orgUnitId, new OrgUnitView(d.orgUnitId, d.code, d.name, d.level, d.parentId,
                    ancestors(byId, d), d.closed, d.version));
            if (d.parentId != null) {
                children.computeIfAbsent(d.parentId, k -> new ArrayList<>()).add(d.orgUnitId);
            }
        });
    }

    private static List<String> ancestors(Map<String, OrgUnitDocument> byId, OrgUnitDocument unit) {
        List<String> path = new ArrayList<>();
        for (OrgUnitDocument parent = byId.get(unit.parentId); parent != null && path.size() < byId.size();
             parent = byId.get(parent.parentId)) {
            path.add(parent.orgUnitId);
        }
        Collections.reverse(path);
        return List.copyOf(path);
    }

    public Optional<OrgUnitView> find(String orgUnitId) {
        return Optional.ofNullable(orgUnitId == null ? null : units.get(orgUnitId));
    }

    public Collection<OrgUnitView> all() {
        return Collections.unmodifiableCollection(units.values());
    }

    /**
     * Every unit, closed ones included, ordered by code: sorted at the first call and the same list afterwards, so a
     * reader that keeps what it built from it can tell the tree has not changed.
     */
    public List<OrgUnitView> byCode() {
        List<OrgUnitView> sorted = byCode;
        if (sorted == null) {
            sorted = units.values().stream().sorted(Comparator.comparing(OrgUnitView::code)).toList();
            byCode = sorted;
        }
        return sorted;
    }

    /** The unit and everything under it. */
    public List<OrgUnitView> subtree(String orgUnitId) {
        List<OrgUnitView> result = new ArrayList<>();
        find(orgUnitId).ifPresent(root -> collect(root, result));
        return result;
    }

    private void collect(OrgUnitView unit, List<OrgUnitView> result) {
        result.add(unit);
        children.getOrDefault(unit.orgUnitId(), List.of()).forEach(child -> collect(units.get(child), result));
    }

    /** Ids of the local units in the subtree of a unit (members belong to local units only). */
    public List<String> localUnitIdsUnder(String orgUnitId) {
        return subtree(orgUnitId).stream().filter(u -> u.level() == OrgUnitLevel.LOCAL).map(OrgUnitView::orgUnitId)
                .toList();
    }

    /** Counts per local unit summed per region ({@code ?} for a unit of none), largest first, then by id. */
    public List<CountBucket> byRegion(List<CountBucket> byLocalUnit) {
        Map<String, Long> byRegion = new LinkedHashMap<>();
        byLocalUnit.forEach(b -> byRegion.merge(Objects.requireNonNullElse(regionIdOf(b.key()), "?"), b.count(),
                Long::sum));
        List<CountBucket> regions = new ArrayList<>();
        byRegion.forEach((region, count) -> regions.add(new CountBucket(region, count)));
        regions.sort(Comparator.comparingLong(CountBucket::count).reversed().thenComparing(CountBucket::key));
        return regions;
    }

    /** The region a unit lies in, or {@code null}. */
    public String regionIdOf(String orgUnitId) {
        return find(orgUnitId).map(unit -> unit.level() == OrgUnitLevel.REGIONAL ? unit.orgUnitId()
                : unit.ancestorIds().stream().map(units::get)
                        .filter(a -> a.level() == OrgUnitLevel.REGIONAL).map(OrgUnitView::orgUnitId)
                        .findFirst().orElse(null)).orElse(null);
    }
}
