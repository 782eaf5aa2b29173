package org.jekafo.command.consultation;

import org.jekafo.api.consultation.Eligibility;
import org.jekafo.api.consultation.VoterGroup;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The members who may vote in a consultation, fixed when it opens, and whether each has voted. A member transferred,
 * suspended or registered after opening keeps or lacks the right as it was then.
 */
public interface ConsultationRoll {

    /** Fixes the roll of a consultation from the members as they are now; answers the eligible members per group. */
    GroupCounts.Counted freeze(String consultationId, Eligibility eligibility, LocalDate today);

    /**
     * Marks the member as having voted, if on the roll and not yet voted: true exactly once per member, also for
     * two ballots of one member sent at the same moment through two channels or two instances (the row is locked
     * by the first until its transaction ends; the second then finds it voted).
     */
    boolean markVoted(String consultationId, String memberId);

    /** Whether the member is on the roll (empty: not), and has voted. */
    Optional<Boolean> voted(String consultationId, String memberId);

    /** The consultations a member is on the roll of (the 100 closing last), and whether they have voted. */
    Map<String, Boolean> rollsOf(String memberId);

    /** The groups the member belongs to now (the time of the vote). */
    VoterGroup voterGroupNow(String memberId, LocalDate today);
}
