package org.jekafo.query.membership;

import org.jekafo.api.common.Gender;
import org.jekafo.api.membership.MemberView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_05;

/** FindMemberQuery against the real Elasticsearch, among the five members of {@link Members#fiveMembersRegistered()}. */
class FindMemberTest {

    private Members members;

    @BeforeEach
    void fiveMembers() {
        members = Members.fresh();
        members.fiveMembersRegistered();
    }

    @Test
    void memberIsFoundById() {
        assertThat(members.find("m-1")).hasValueSatisfying(member -> {
            assertThat(member.cardNumber()).isEqualTo("SG-000042");
            assertThat(member.regionId()).isEqualTo(SEGOU);
        });
    }

    @Test
    void memberIsFoundByIdWithoutWaitingForARefresh() {
        members.register(Members.registration("m-6", "SG-000045", "Sidibé", "Kadia", Gender.F,
                1999, "+22376000006", List.of("COUTURE"), SEGOU_05,
                LocalDate.of(2024, 6, 1)));

        assertThat(members.find("m-6")).map(MemberView::lastName).contains("Sidibé");
    }

    @ParameterizedTest(name = "card \"{0}\"")
    @ValueSource(strings = {"SG-000042", "sg-000042", "  SG-000042 "})
    void memberIsFoundByCardNumber(String card) {
        assertThat(members.findByCard(card)).map(MemberView::memberId).contains("m-1");
    }

    @Test
    void unknownMemberIdFindsNothing() {
        assertThat(members.find("m-unknown")).isEmpty();
    }

    @Test
    void unknownCardNumberFindsNothing() {
        assertThat(members.findByCard("SG-999999")).isEmpty();
    }

    @Test
    void queryWithNeitherIdNorCardFindsNothing() {
        assertThat(members.findByCard(null)).isEmpty();
    }
}
