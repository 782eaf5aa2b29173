package org.jekafo.command.consultation;

import org.jekafo.api.consultation.GroupCount;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which groups of a secret consultation's breakdown are never shown: those of fewer than {@link #MINIMUM} voters,
 * and, where a dimension would hide exactly one group, the next smallest as well, so that the total minus the
 * groups shown does not reveal the hidden one (complementary suppression).
 */
final class Suppression {

    static final int MINIMUM = 5;

    private Suppression() {
    }

    /** The suppressed groups, as {@code dimension/group} keys, of the voters per group. */
    static Set<String> of(List<GroupCount> voters) {
        Set<String> suppressed = new HashSet<>();
        Map<String, List<GroupCount>> byDimension = voters.stream()
                .collect(Collectors.groupingBy(GroupCount::dimension));
        byDimension.forEach((dimension, groups) -> {
            List<GroupCount> small = groups.stream().filter(g -> g.count() < MINIMUM).toList();
            small.forEach(g -> suppressed.add(key(g)));
            if (small.size() == 1 && groups.size() > 1) {
                List<GroupCount> others = new ArrayList<>(groups);
                others.removeAll(small);
                others.stream().min(Comparator.comparingLong(GroupCount::count))
                        .ifPresent(next -> suppressed.add(key(next)));
            }
        });
        return suppressed;
    }

    static String key(GroupCount group) {
        return key(group.dimension(), group.group());
    }

    static String key(String dimension, String group) {
        return dimension + "/" + group;
    }

    /** The counts with the suppressed ones emptied (null). */
    static List<GroupCount> applied(List<GroupCount> counts, Set<String> suppressed) {
        return counts.stream().map(g -> suppressed.contains(key(g))
                ? new GroupCount(g.dimension(), g.group(), null) : g).toList();
    }
}
