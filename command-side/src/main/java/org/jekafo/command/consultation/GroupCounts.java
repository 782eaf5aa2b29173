package org.jekafo.command.consultation;

import org.jekafo.api.consultation.GroupCount;
import org.jekafo.api.consultation.VoterGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Members (eligible, or voters) counted in all and per group of every breakdown dimension. */
public final class GroupCounts {

    private GroupCounts() {
    }

    /** A number of members, in all and per group. */
    public record Counted(long total, List<GroupCount> groups) {
    }

    public static Counted count(List<VoterGroup> members) {
        List<Map<String, Long>> perDimension = new ArrayList<>();
        VoterGroup.DIMENSIONS.forEach(d -> perDimension.add(new TreeMap<>()));
        members.forEach(member -> {
            List<String> groups = member.groups();
            for (int d = 0; d < groups.size(); d++) {
                perDimension.get(d).merge(groups.get(d), 1L, Long::sum);
            }
        });
        List<GroupCount> counts = new ArrayList<>();
        for (int d = 0; d < VoterGroup.DIMENSIONS.size(); d++) {
            String dimension = VoterGroup.DIMENSIONS.get(d);
            perDimension.get(d).forEach((group, count) -> counts.add(new GroupCount(dimension, group, count)));
        }
        return new Counted(members.size(), counts);
    }
}
