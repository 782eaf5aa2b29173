package org.jekafo.query.membership;

import org.jekafo.api.common.Gender;
import org.jekafo.api.membership.MemberPage;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.membership.MemberTransferredEvent;
import org.jekafo.api.membership.MemberView;
import org.jekafo.query.EventBatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.jekafo.query.membership.Members.at;
import static org.jekafo.query.membership.Members.filter;
import static org.jekafo.query.orgunit.OrgUnits.KAYES;
import static org.jekafo.query.orgunit.OrgUnits.KAYES_01;
import static org.jekafo.query.orgunit.OrgUnits.NATIONAL;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_03;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_05;

/**
 * Searching members (FindMembersQuery) against the real Elasticsearch, among the five members of
 * {@link Members#fiveMembersRegistered()}; lists are in name order: m-2, m-3, m-5, m-1, m-4.
 */
class MemberSearchTest {

    private Members members;

    @BeforeEach
    void fiveMembers() {
        members = Members.fresh();
        members.fiveMembersRegistered();
    }

    @Test
    void withoutFilterEveryMemberIsListedInNameOrder() {
        assertThat(members.idsMatching(null)).containsExactly("m-2", "m-3", "m-5", "m-1", "m-4");
    }

    @Test
    void emptyFilterListsEveryMember() {
        assertThat(members.idsMatching(filter(f -> { }))).containsExactly("m-2", "m-3", "m-5", "m-1", "m-4");
    }

    @Test
    void pageCarriesTheTotalAndTheRegionOfEachMember() {
        MemberPage page = members.page(filter(f -> f.gender = Gender.F), 2, null);

        assertThat(page.totalCount()).isEqualTo(3);
        assertThat(page.members()).extracting(MemberView::memberId, MemberView::regionId)
                .containsExactly(tuple("m-3", KAYES),
                        tuple("m-5", SEGOU));
        assertThat(page.positions()).hasSize(2);
        assertThat(page.endPosition()).isEqualTo(page.positions().get(1));
    }

    @Test
    void nameWithoutAccentsFindsTheAccentedName() {
        assertThat(members.idsMatching(filter(f -> f.name = "traore aminata"))).containsExactly("m-1");
    }

    @Test
    void nameInCapitalsWithAccentFindsEveryoneBearingIt() {
        assertThat(members.idsMatching(filter(f -> f.name = "TRAORÉ"))).containsExactly("m-1", "m-4");
    }

    @Test
    void firstNameBeforeLastNameFindsTheMember() {
        assertThat(members.idsMatching(filter(f -> f.name = "Aminata Traoré"))).containsExactly("m-1");
    }

    @Test
    void accentedQueryFindsTheNameWrittenWithDiaeresis() {
        assertThat(members.idsMatching(filter(f -> f.name = "keita"))).containsExactly("m-5");
    }

    @Test
    void beginningOfTheLastWordIsEnough() {
        assertThat(members.idsMatching(filter(f -> f.name = "traore amin"))).containsExactly("m-1");
    }

    @Test
    void nameNobodyBearsFindsNoOne() {
        assertThat(members.idsMatching(filter(f -> f.name = "Sangaré"))).isEmpty();
    }

    @Test
    void regionTakesTheMembersOfItsLocalUnits() {
        assertThat(members.idsMatching(filter(f -> f.orgUnitId = SEGOU))).containsExactly("m-2", "m-5", "m-1");
    }

    @Test
    void localUnitTakesItsOwnMembersOnly() {
        assertThat(members.idsMatching(filter(f -> f.orgUnitId = SEGOU_03))).containsExactly("m-5", "m-1");
    }

    @Test
    void nationalRootTakesEveryMember() {
        assertThat(members.idsMatching(filter(f -> f.orgUnitId = NATIONAL)))
                .containsExactly("m-2", "m-3", "m-5", "m-1", "m-4");
    }

    @Test
    void unknownOrgUnitTakesNoOne() {
        MemberPage page = members.page(filter(f -> f.orgUnitId = "ou-nowhere"), 10, null);

        assertThat(page.members()).isEmpty();
        assertThat(page.totalCount()).isZero();
        assertThat(page.hasNextPage()).isFalse();
        assertThat(page.endPosition()).isNull();
    }

    @Test
    void transferredMemberIsFoundInTheRegionOfTheNewLocalUnit() {
        EventBatch.handle(() -> members.projection.on(new MemberTransferredEvent("m-2", SEGOU_05, KAYES_01,
                "déménagement"), 1, at(1)));
        members.refresh();

        assertThat(members.idsMatching(filter(f -> f.orgUnitId = KAYES))).containsExactly("m-2", "m-3", "m-4");
        assertThat(members.idsMatching(filter(f -> f.orgUnitId = SEGOU))).containsExactly("m-5", "m-1");
    }

    @Test
    void localUnitMovedToAnotherRegionTakesItsMembersAlong() {
        members.orgUnits.moved(SEGOU_05, SEGOU, KAYES);
        members.orgUnits.refresh();

        assertThat(members.idsMatching(filter(f -> f.orgUnitId = KAYES))).containsExactly("m-2", "m-3", "m-4");
        assertThat(members.get("m-2").regionId()).isEqualTo(KAYES);
    }

    @Test
    void genderFilterTakesThatGenderOnly() {
        assertThat(members.idsMatching(filter(f -> f.gender = Gender.F))).containsExactly("m-3", "m-5", "m-1");
    }

    @Test
    void tradeFilterTakesMembersPractisingItAmongOthers() {
        assertThat(members.idsMatching(filter(f -> f.trade = "FORGE"))).containsExactly("m-2", "m-4");
        assertThat(members.idsMatching(filter(f -> f.trade = "TEINTURE"))).containsExactly("m-3", "m-1");
    }

    @Test
    void statusFilterTakesThatStatusOnly() {
        assertThat(members.idsMatching(filter(f -> f.status = MemberStatus.SUSPENDED))).containsExactly("m-3");
        assertThat(members.idsMatching(filter(f -> f.status = MemberStatus.ACTIVE)))
                .containsExactly("m-2", "m-1", "m-4");
    }

    @Test
    void birthYearRangeIncludesBothBounds() {
        assertThat(members.idsMatching(filter(f -> {
            f.birthYearFrom = 1985;
            f.birthYearTo = 1995;
        }))).containsExactly("m-2", "m-5", "m-1");
    }

    @Test
    void birthYearRangeMayBeOpenOnEitherSide() {
        assertThat(members.idsMatching(filter(f -> f.birthYearFrom = 1995))).containsExactly("m-5", "m-4");
        assertThat(members.idsMatching(filter(f -> f.birthYearTo = 1985))).containsExactly("m-3", "m-1");
    }

    @Test
    void enrolmentDateRangeIncludesBothBounds() {
        assertThat(members.idsMatching(filter(f -> {
            f.enrolledFrom = LocalDate.of(2023, 6, 15);
            f.enrolledTo = LocalDate.of(2024, 3, 1);
        }))).containsExactly("m-2", "m-1");
    }

    @Test
    void enrolmentDateRangeMayBeOpenOnEitherSide() {
        assertThat(members.idsMatching(filter(f -> f.enrolledFrom = LocalDate.of(2024, 1, 1))))
                .containsExactly("m-1", "m-4");
        assertThat(members.idsMatching(filter(f -> f.enrolledTo = LocalDate.of(2022, 1, 10))))
                .containsExactly("m-3", "m-5");
    }

    @ParameterizedTest(name = "typed \"{0}\"")
    @ValueSource(strings = {"76 12 34 56", "76-12-34-56", "+223 76 12 34 56", "0022376123456", "+22376123456"})
    void phoneTypedAnyUsualWayFindsTheMember(String typed) {
        assertThat(members.idsMatching(filter(f -> f.phone = typed))).containsExactly("m-1");
    }

    @Test
    void unparsablePhoneFindsNoOne() {
        assertThat(members.idsMatching(filter(f -> f.phone = "76 12"))).isEmpty();
    }

    @Test
    void criteriaCombine() {
        assertThat(members.idsMatching(filter(f -> {
            f.orgUnitId = SEGOU;
            f.gender = Gender.F;
            f.trade = "COUTURE";
            f.status = MemberStatus.ACTIVE;
        }))).containsExactly("m-1");
    }
}
