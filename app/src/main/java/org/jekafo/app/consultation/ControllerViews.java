package org.jekafo.app.consultation;

import org.jekafo.api.consultation.ConsultationTalliedEvent;
import org.jekafo.api.consultation.ConsultationView;
import org.jekafo.api.consultation.GroupCount;
import org.jekafo.api.consultation.PublishedBallot;
import org.jekafo.api.consultation.Turnout;
import org.jekafo.app.platform.graphql.GlobalIds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** How consultation views become the schema's objects: turnout, inclusion indicators, published ballots. */
final class ControllerViews {

    private ControllerViews() {
    }

    /** A group's name as served: units as global ids. */
    static String group(String dimension, String group) {
        boolean unit = "REGION".equals(dimension) || "LOCAL_UNIT".equals(dimension);
        return unit && !"UNKNOWN".equals(group) ? GlobalIds.of("OrgUnit", group) : group;
    }

    static ConsultationController.TurnoutView turnout(ConsultationView consultation, Turnout turnout) {
        boolean secret = consultation.plan().mode() == org.jekafo.api.consultation.BallotMode.SECRET;
        return new ConsultationController.TurnoutView(turnout.voterCount(), consultation.eligibleCount(),
                turnout.byChannel(), secret ? List.of() : turnout.liveCounts());
    }

    /**
     * Each group's share of the voters against its share of the eligible, for the dimensions asked (women, members
     * with a disability, each region): from the counts fixed at opening and the tally's, masked groups staying masked.
     */
    static List<ConsultationController.InclusionView> inclusion(ConsultationView consultation, List<String> dimensions) {
        ConsultationTalliedEvent tally = consultation.tally();
        if (tally == null || consultation.eligibleGroups() == null) {
            return List.of();
        }
        Map<String, GroupCount> voters = tally.voterGroups().stream()
                .collect(Collectors.toMap(g -> g.dimension() + "/" + g.group(), g -> g, (a, b) -> a));
        List<ConsultationController.InclusionView> indicators = new ArrayList<>();
        for (GroupCount eligible : consultation.eligibleGroups()) {
            if (!dimensions.contains(eligible.dimension()) || eligible.count() == null) {
                continue;
            }
            GroupCount voted = voters.get(eligible.dimension() + "/" + eligible.group());
            Long voterCount = voted == null ? Long.valueOf(0) : voted.count();
            double eligibleShare = share(eligible.count(), tally.eligibleCount());
            Double voterShare = voterCount == null ? null : share(voterCount, tally.voterCount());
            Double turnout = voterCount == null ? null : share(voterCount, eligible.count());
            indicators.add(new ConsultationController.InclusionView(eligible.dimension(),
                    group(eligible.dimension(), eligible.group()), eligible.count(), eligibleShare, voterCount,
                    voterShare, turnout));
        }
        return indicators;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
    }

    static ConsultationController.PublishedBallotView published(PublishedBallot ballot) {
        return new ConsultationController.PublishedBallotView(ballot.ballotId(), ballot.receipt(), ballot.ballot(),
                ballot.voter() == null ? null : ballot.voter().gender(),
                ballot.voter() == null ? null : ballot.voter().ageBand());
    }

}
