package org.jekafo.query.membership;

import co.elastic.clients.elasticsearch.indices.IndicesStatsResponse;
import org.jekafo.api.common.Gender;
import org.jekafo.api.common.PersonalData;
import org.jekafo.api.membership.MemberCounts;
import org.jekafo.api.membership.MemberFilter;
import org.jekafo.api.membership.MemberIdentityCorrectedEvent;
import org.jekafo.api.membership.MemberPersonalDataErasedEvent;
import org.jekafo.api.membership.MemberPhoneChangedEvent;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberView;
import org.jekafo.query.EventBatch;
import org.jekafo.query.TestElasticsearch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jekafo.query.membership.Members.at;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_03;

/**
 * Erasure of a member's personal data in the members index, against the real Elasticsearch: member
 * {@code m-1}, Aminata Traoré, is registered (sequence 0), then changes her phone (sequence 1) before each test,
 * so the index holds a replaced version of her document.
 */
class MemberErasureProjectionTest {

    private static final String MEMBER = "m-1";
    private static final String OLD_PHONE = "+22376123456";
    private static final String NEW_PHONE = "+22366001122";
    private static final MemberRegisteredEvent AMINATA = new MemberRegisteredEvent(MEMBER, "SG-000042", "Traoré",
            "Aminata", Gender.F, 1985, OLD_PHONE, "ML1234567", List.of("COUTURE"), SEGOU_03, false,
            LocalDate.of(2024, 3, 1), false);
    private static final MemberPersonalDataErasedEvent ERASED = new MemberPersonalDataErasedEvent(MEMBER,
            "demande de l'intéressée");

    private Members members;

    @BeforeEach
    void aminataIsRegisteredAndChangedHerPhone() {
        members = Members.fresh();
        members.register(AMINATA);
        EventBatch.handle(() -> members.projection.on(new MemberPhoneChangedEvent(MEMBER, NEW_PHONE), 1, at(1)));
    }

    private void erase() {
        EventBatch.handle(() -> members.projection.on(ERASED, 2, at(2)));
    }

    @Test
    void erasureReplacesThePersonalDataAndMarksTheMember() {
        erase();

        MemberView view = members.get(MEMBER);
        assertThat(view.lastName()).isEqualTo(PersonalData.ERASED);
        assertThat(view.firstName()).isEqualTo(PersonalData.ERASED);
        assertThat(view.phone()).isEqualTo(PersonalData.ERASED);
        assertThat(view.nationalId()).isEqualTo(PersonalData.ERASED);
        assertThat(view.birthYear()).isNull();
        assertThat(view.personalDataErased()).isTrue();
        assertThat(view.version()).isEqualTo(2);
    }

    @Test
    void erasureKeepsWhatIsNotPersonalData() {
        erase();

        MemberView view = members.get(MEMBER);
        assertThat(view.cardNumber()).isEqualTo("SG-000042");
        assertThat(view.gender()).isEqualTo(Gender.F);
        assertThat(view.localUnitId()).isEqualTo(SEGOU_03);
        assertThat(view.regionId()).isEqualTo(SEGOU);
        assertThat(view.trades()).containsExactly("COUTURE");
    }

    @Test
    void erasedMemberIsFoundNeitherByNameNorByPhone() {
        erase();
        members.refresh();

        assertThat(members.idsMatching(Members.filter(c -> c.name = "Traoré"))).isEmpty();
        assertThat(members.idsMatching(Members.filter(c -> c.phone = NEW_PHONE))).isEmpty();
    }

    @Test
    void erasureLeavesTheCountsByGenderAndRegionAsTheyWere() {
        members.refresh();
        MemberCounts before = members.count(Members.filter(c -> { }));

        erase();
        members.refresh();

        MemberCounts after = members.count(Members.filter(c -> { }));
        assertThat(after.byGender()).isEqualTo(before.byGender());
        assertThat(after.byRegion()).isEqualTo(before.byRegion());
    }

    @Test
    void erasurePurgesTheReplacedVersionsFromTheIndex() throws IOException {
        assertThat(deletedDocuments()).as("the phone change left a replaced version").isPositive();

        erase();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(deletedDocuments()).isZero());
        assertThat(TestElasticsearch.sources(MemberIndex.ALIAS).toString()).doesNotContain("Traor")
                .doesNotContain("Aminata").doesNotContain("76123456").doesNotContain("66001122")
                .doesNotContain("ML1234567").doesNotContain("1985");
    }

    @Test
    void redeliveredErasureChangesNothing() {
        erase();
        MemberView erased = members.get(MEMBER);

        erase();

        assertThat(members.get(MEMBER)).isEqualTo(erased);
    }

    @Test
    void replayedEventsOfAnErasedMemberStayErased() {
        erase();
        MemberRegisteredEvent asReadAfterErasure = new MemberRegisteredEvent(MEMBER, "SG-000042", PersonalData.ERASED,
                PersonalData.ERASED, Gender.F, null, PersonalData.ERASED, PersonalData.ERASED, List.of("COUTURE"),
                SEGOU_03, false, LocalDate.of(2024, 3, 1), false);
        Members rebuilt = Members.fresh();

        EventBatch.handle(() -> {
            rebuilt.projection.on(asReadAfterErasure, 0, at(0));
            rebuilt.projection.on(new MemberIdentityCorrectedEvent(MEMBER, PersonalData.ERASED, PersonalData.ERASED,
                    Gender.F, null, null, false, "correction"), 1, at(1));
            rebuilt.projection.on(ERASED, 2, at(2));
        });

        MemberView view = rebuilt.get(MEMBER);
        assertThat(view.lastName()).isEqualTo(PersonalData.ERASED);
        assertThat(view.birthYear()).isNull();
        assertThat(view.personalDataErased()).isTrue();
    }

    private long deletedDocuments() throws IOException {
        String index = members.index.writeIndex();
        members.client.indices().refresh(r -> r.index(index));
        IndicesStatsResponse stats = members.client.indices().stats(s -> s.index(index));
        return stats.indices().get(index).primaries().docs().deleted();
    }
}
