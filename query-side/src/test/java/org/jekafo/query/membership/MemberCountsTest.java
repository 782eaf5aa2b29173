package org.jekafo.query.membership;

import org.jekafo.api.common.Gender;
import org.jekafo.api.membership.CountBucket;
import org.jekafo.api.membership.MemberCounts;
import org.jekafo.api.membership.MemberTransferredEvent;
import org.jekafo.query.EventBatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jekafo.query.membership.Members.at;
import static org.jekafo.query.membership.Members.filter;
import static org.jekafo.query.membership.Members.registration;
import static org.jekafo.query.orgunit.OrgUnits.KAYES;
import static org.jekafo.query.orgunit.OrgUnits.KAYES_01;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_03;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_05;

/**
 * CountMembersQuery against the real Elasticsearch, on the five members of {@link Members#fiveMembersRegistered()}:
 * 3 women, 2 men; SG-03: 2, SG-05: 1, KY-01: 2; 3 active, 1 suspended, 1 resigned.
 */
class MemberCountsTest {

    private Members members;

    @BeforeEach
    void fiveMembers() {
        members = Members.fresh();
        members.fiveMembersRegistered();
    }

    private static CountBucket bucket(String key, long count) {
        return new CountBucket(key, count);
    }

    @Test
    void totalCountsEveryMember() {
        assertThat(members.count(null).total()).isEqualTo(5);
    }

    @Test
    void countsByGender() {
        assertThat(members.count(null).byGender()).containsExactly(bucket("F", 3), bucket("M", 2));
    }

    @Test
    void countsByLocalUnit() {
        assertThat(members.count(null).byLocalUnit())
                .containsExactlyInAnyOrder(bucket(SEGOU_03, 2), bucket(KAYES_01, 2), bucket(SEGOU_05, 1));
    }

    @Test
    void countsByTradeCountAMemberOncePerTrade() {
        assertThat(members.count(null).byTrade()).containsExactlyInAnyOrder(bucket("COUTURE", 2),
                bucket("TEINTURE", 2), bucket("FORGE", 2), bucket("BIJOUTERIE", 1));
    }

    @Test
    void countsByStatus() {
        assertThat(members.count(null).byStatus())
                .containsExactly(bucket("ACTIVE", 3), bucket("RESIGNED", 1), bucket("SUSPENDED", 1));
    }

    @Test
    void countsByRegionAddUpTheLocalUnitsOfEachRegion() {
        assertThat(members.count(null).byRegion()).containsExactly(bucket(SEGOU, 3), bucket(KAYES, 2));
    }

    @Test
    void countsFollowTheFilter() {
        MemberCounts women = members.count(filter(f -> f.gender = Gender.F));

        assertThat(women.total()).isEqualTo(3);
        assertThat(women.byGender()).containsExactly(bucket("F", 3));
        assertThat(women.byRegion()).containsExactly(bucket(SEGOU, 2), bucket(KAYES, 1));
    }

    @Test
    void countsOfARegionCoverItsLocalUnitsOnly() {
        MemberCounts segou = members.count(filter(f -> f.orgUnitId = SEGOU));

        assertThat(segou.total()).isEqualTo(3);
        assertThat(segou.byRegion()).containsExactly(bucket(SEGOU, 3));
        assertThat(segou.byLocalUnit()).containsExactlyInAnyOrder(bucket(SEGOU_03, 2), bucket(SEGOU_05, 1));
    }

    @Test
    void transferredMemberIsCountedInTheNewRegion() {
        EventBatch.handle(() -> members.projection.on(new MemberTransferredEvent("m-2", SEGOU_05, KAYES_01,
                "déménagement"), 1, at(1)));
        members.refresh();

        assertThat(members.count(null).byRegion()).containsExactly(bucket(KAYES, 3), bucket(SEGOU, 2));
    }

    @Test
    void regionCountsFollowALocalUnitMovedToAnotherRegion() {
        members.orgUnits.moved(SEGOU_03, SEGOU, KAYES);
        members.orgUnits.refresh();

        assertThat(members.count(null).byRegion()).containsExactly(bucket(KAYES, 4), bucket(SEGOU, 1));
    }

    @Test
    void memberOfALocalUnitMissingFromTheTreeIsCountedUnderAnUnknownRegion() {
        members.register(registration("m-6", "XX-000001", "Sidibé", "Kadia", Gender.F, 1999, "+22376000006",
                List.of("COUTURE"), "ou-not-yet-projected", LocalDate.of(2024, 6, 1)));
        members.refresh();

        assertThat(members.count(null).byRegion()).containsExactly(bucket(SEGOU, 3), bucket(KAYES, 2), bucket("?", 1));
    }

    @Test
    void noMemberMatchingGivesZeroAndNoBuckets() {
        MemberCounts none = members.count(filter(f -> f.orgUnitId = "ou-nowhere"));

        assertThat(none.total()).isZero();
        assertThat(none.byGender()).isEmpty();
        assertThat(none.byRegion()).isEmpty();
        assertThat(none.byLocalUnit()).isEmpty();
        assertThat(none.byTrade()).isEmpty();
        assertThat(none.byStatus()).isEmpty();
    }
}
