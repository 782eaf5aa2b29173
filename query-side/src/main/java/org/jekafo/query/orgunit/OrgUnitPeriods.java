package org.jekafo.query.orgunit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The units' periods that overlap a window of time {@code [from, until)} (either end open when null), as read from the
 * periods index: the tree at any instant of the window, and which units lay under a unit during which parts of it.
 */
public final class OrgUnitPeriods {

    private final Instant from;
    private final Instant until;
    /** Each unit's periods, earliest first. */
    private final Map<String, List<OrgUnitPeriodDocument>> byUnit = new LinkedHashMap<>();

    OrgUnitPeriods(Instant from, Instant until, Collection<OrgUnitPeriodDocument> periods) {
        this.from = from;
        this.until = until;
        periods.stream().sorted(Comparator.comparing((OrgUnitPeriodDocument p) -> p.validFrom)
                        .thenComparingLong(p -> p.fromSequence))
                .forEach(p -> byUnit.computeIfAbsent(p.orgUnitId, k -> new ArrayList<>()).add(p));
    }

    /** The tree as it stood at {@code at} (an instant of the window): the units created later are not in it. */
    public OrgUnitTree treeAt(Instant at) {
        List<OrgUnitDocument> units = new ArrayList<>();
        byUnit.values().forEach(periods -> periods.stream().filter(p -> p.holdsAt(at)).reduce((a, b) -> b)
                .ifPresent(p -> units.add(p.unit())));
        return new OrgUnitTree(units);
    }

    /**
     * Which units lay under {@code orgUnitId} (itself included) during which parts of the window. Nothing concerns a
     * unit before it exists, so a unit created during the window counts as under its first parent from the window's
     * start: then only a move changes a subtree, and a window without moves gives every unit the whole window.
     */
    public SubtreeSpans subtreeOf(String orgUnitId) {
        List<Instant> starts = new ArrayList<>();
        starts.add(from);
        starts.addAll(moves());
        Map<String, List<SubtreeSpans.Span>> spans = new LinkedHashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            Instant start = starts.get(i);
            Instant end = i + 1 < starts.size() ? starts.get(i + 1) : until;
            for (String unit : structureAt(start).subtree(orgUnitId).stream().map(u -> u.orgUnitId()).toList()) {
                List<SubtreeSpans.Span> unitSpans = spans.computeIfAbsent(unit, k -> new ArrayList<>());
                SubtreeSpans.Span last = unitSpans.isEmpty() ? null : unitSpans.get(unitSpans.size() - 1);
                if (last != null && Objects.equals(last.until(), start)) {
                    unitSpans.set(unitSpans.size() - 1, new SubtreeSpans.Span(unit, last.from(), end));
                } else {
                    unitSpans.add(new SubtreeSpans.Span(unit, start, end));
                }
            }
        }
        return new SubtreeSpans(from, until, spans.values().stream().flatMap(List::stream).toList());
    }

    /** The instants strictly inside the window at which a unit changed parent, in order. */
    private TreeSet<Instant> moves() {
        TreeSet<Instant> moves = new TreeSet<>();
        byUnit.values().forEach(periods -> {
            for (int i = 1; i < periods.size(); i++) {
                Instant at = periods.get(i).validFrom;
                if (!Objects.equals(periods.get(i - 1).parentId, periods.get(i).parentId)
                        && (from == null || at.isAfter(from)) && (until == null || at.isBefore(until))) {
                    moves.add(at);
                }
            }
        });
        return moves;
    }

    /**
     * The tree's structure from {@code at} until the next move: each unit as it was then, or, created later, as it was
     * created ({@code null}: the window's open start, every unit as created).
     */
    private OrgUnitTree structureAt(Instant at) {
        List<OrgUnitDocument> units = new ArrayList<>();
        byUnit.values().forEach(periods -> units.add((at == null ? periods.get(0) : periods.stream()
                .filter(p -> p.holdsAt(at)).reduce((a, b) -> b).orElse(periods.get(0))).unit()));
        return new OrgUnitTree(units);
    }
}
