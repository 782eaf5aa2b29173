package org.jekafo.app.security;

import org.axonframework.messaging.GenericMessage;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.api.membership.FindMemberHistoryQuery;
import org.jekafo.api.membership.FindMemberQuery;
import org.jekafo.api.membership.FindMembersQuery;
import org.jekafo.api.membership.MemberFilter;
import org.jekafo.api.membership.MemberHistoryView;
import org.jekafo.api.membership.MemberPage;
import org.jekafo.api.membership.MemberView;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.PersonalDataAccessLog;
import org.jekafo.app.platform.gate.PersonalDataDisclosure;
import org.jekafo.app.platform.gate.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Masking and the journal of personal-data reads hold for every channel, not only GraphQL: queries sent straight
 * to the query gateway — as the phone channel or an export would — come back masked for auditors and
 * administrators, and every member in the answer is journaled before it leaves the bus.
 */
class PersonalDataAnyChannelTest extends IntegrationTest {

    private static final ActingPrincipal AUDITOR = new ActingPrincipal("auditrice-canal", Role.AUDITOR, null, null);
    private static final ActingPrincipal ADMIN = new ActingPrincipal("admin-canal", Role.ADMIN, null, null);
    private static final ActingPrincipal BUREAU = new ActingPrincipal("bureau-canal", Role.EXECUTIVE_BUREAU, null, null);

    @Autowired
    QueryGateway queries;
    @Autowired
    PersonalDataAccessLog journal;

    TestApi api;
    String memberId;
    String phone;
    String nationalId;

    @BeforeEach
    void register() {
        api = connect();
        Map<String, Object> input = new HashMap<>(TestApi.registration("Canal" + TestData.suffix(), "Kadiatou", "F",
                api.unitId("SG-01")));
        nationalId = TestData.uniqueNationalId();
        input.put("nationalId", nationalId);
        phone = (String) input.get("phone");
        memberId = TestApi.identifierOf(api.register(input).get("id"));
        api.awaitProjectionsCaughtUp();
    }

    @Test
    void anAuditorReadingThroughAnotherChannelSeesMaskedDataAndIsJournaled() {
        MemberView member = ask(new FindMemberQuery(memberId, null), MemberView.class, AUDITOR, Map.of());

        assertThat(member.phone()).contains("••").endsWith(phone.substring(phone.length() - 2)).isNotEqualTo(phone);
        assertThat(member.nationalId()).startsWith("•").endsWith(nationalId.substring(nationalId.length() - 3));
        assertThat(journal.page(memberId, null, 10)).anySatisfy(access -> {
            assertThat(access.principal()).isEqualTo("auditrice-canal");
            assertThat(access.operation()).isEqualTo("FindMemberQuery");
            assertThat(access.unmasked()).isFalse();
        });
    }

    @Test
    void anAuditorMayAskForDataInClearAndTheJournalSaysSo() {
        MemberView member = ask(new FindMemberQuery(memberId, null), MemberView.class, AUDITOR,
                PersonalDataDisclosure.unmasked());

        assertThat(member.nationalId()).isEqualTo(nationalId);
        assertThat(journal.page(memberId, null, 10)).anySatisfy(access -> {
            assertThat(access.principal()).isEqualTo("auditrice-canal");
            assertThat(access.unmasked()).isTrue();
        });
    }

    @Test
    void anAdministratorNeverGetsDataInClear() {
        MemberView member = ask(new FindMemberQuery(memberId, null), MemberView.class, ADMIN,
                PersonalDataDisclosure.unmasked());

        assertThat(member.nationalId()).isNotEqualTo(nationalId).contains("•");
        assertThat(journal.page(memberId, null, 10)).anySatisfy(access ->
                assertThat(access.principal()).isEqualTo("admin-canal"));
    }

    @Test
    void historyAndListsAreMaskedAndEveryMemberInThemJournaled() {
        MemberHistoryView history = ask(new FindMemberHistoryQuery(memberId), MemberHistoryView.class, ADMIN, Map.of());
        MemberPage page = ask(new FindMembersQuery(new MemberFilter(TestApi.identifierOf(api.unitId("SG-01")), null, null, null, null, null,
                null, null, null, null), 20, null), MemberPage.class, AUDITOR, Map.of());

        assertThat(history.entries().get(0).changes()).filteredOn(change -> change.field().equals("phone"))
                .singleElement().satisfies(change -> assertThat(change.value()).contains("•"));
        assertThat(page.members()).isNotEmpty().filteredOn(member -> !member.personalDataErased())
                .allSatisfy(member -> assertThat(member.phone()).contains("•"));
        for (MemberView listed : page.members()) {
            assertThat(journal.page(listed.memberId(), null, 50)).as("journal of %s", listed.memberId())
                    .anySatisfy(access -> assertThat(access.operation()).isEqualTo("FindMembersQuery"));
        }
    }

    @Test
    void theBureauReadsInClearAndIsNotJournaled() {
        int before = journal.page(memberId, null, 100).size();

        MemberView member = ask(new FindMemberQuery(memberId, null), MemberView.class, BUREAU, Map.of());

        assertThat(member.phone()).isEqualTo(phone);
        assertThat(journal.page(memberId, null, 100)).hasSize(before);
    }

    private <R> R ask(Object query, Class<R> type, ActingPrincipal sender, Map<String, Object> disclosure) {
        Map<String, Object> metaData = new HashMap<>(sender.metaData());
        metaData.putAll(disclosure);
        return queries.query(GenericMessage.asMessage(query).andMetaData(metaData), type).join();
    }
}
