package org.jekafo.query.membership;

import org.jekafo.api.common.Gender;
import org.jekafo.api.membership.DuesPaymentRecordedEvent;
import org.jekafo.api.membership.DuesPaymentView;
import org.jekafo.api.membership.MemberDeathRecordedEvent;
import org.jekafo.api.membership.MemberIdentityCorrectedEvent;
import org.jekafo.api.membership.MemberPhoneChangedEvent;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberReinstatedEvent;
import org.jekafo.api.membership.MemberResignedEvent;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.membership.MemberSuspendedEvent;
import org.jekafo.api.membership.MemberTradesChangedEvent;
import org.jekafo.api.membership.MemberTransferredEvent;
import org.jekafo.api.membership.MemberView;
import org.jekafo.query.EventBatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jekafo.query.membership.Members.at;
import static org.jekafo.query.orgunit.OrgUnits.KAYES;
import static org.jekafo.query.orgunit.OrgUnits.KAYES_01;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_03;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_05;

/**
 * The member projection against the real Elasticsearch: each event type, idempotence under redelivery, and
 * batches. Member {@code m-1}, Aminata Traoré, is registered (sequence 0) in SG-03 before each test.
 */
class MemberProjectionTest {

    private static final String MEMBER = "m-1";
    private static final LocalDate ENROLLED = LocalDate.of(2024, 3, 1);
    private static final MemberRegisteredEvent AMINATA = new MemberRegisteredEvent(MEMBER, "SG-000042", "Traoré",
            "Aminata", Gender.F, 1985, "+22376123456", "ML1234567", List.of("COUTURE", "TEINTURE"), SEGOU_03, true,
            ENROLLED, false);

    private Members members;
    private MemberProjection projection;

    @BeforeEach
    void aminataIsRegistered() {
        members = Members.fresh();
        projection = members.projection;
        members.register(AMINATA);
    }

    private MemberView aminata() {
        return members.get(MEMBER);
    }

    @Test
    void registrationProjectsEveryField() {
        assertThat(aminata()).isEqualTo(new MemberView(MEMBER, "SG-000042", "Traoré", "Aminata", Gender.F, 1985,
                "+22376123456", "ML1234567", List.of("COUTURE", "TEINTURE"), SEGOU_03, SEGOU, true, ENROLLED,
                MemberStatus.ACTIVE, null, List.of(), 0, at(0), at(0), false));
    }

    @Test
    void updateRecordsItsSequenceNumberAndTimeAndKeepsTheRegistrationTime() {
        EventBatch.handle(() -> projection.on(new MemberPhoneChangedEvent(MEMBER, "+22366001122"), 1, at(1)));

        assertThat(aminata().version()).isEqualTo(1);
        assertThat(aminata().updatedAt()).isEqualTo(at(1));
        assertThat(aminata().registeredAt()).isEqualTo(at(0));
    }

    @Test
    void phoneChangeReplacesThePhone() {
        EventBatch.handle(() -> projection.on(new MemberPhoneChangedEvent(MEMBER, "+22366001122"), 1, at(1)));

        assertThat(aminata().phone()).isEqualTo("+22366001122");
    }

    @Test
    void tradesChangeReplacesTheTrades() {
        EventBatch.handle(() -> projection.on(new MemberTradesChangedEvent(MEMBER, List.of("BIJOUTERIE")), 1, at(1)));

        assertThat(aminata().trades()).containsExactly("BIJOUTERIE");
    }

    @Test
    void transferMovesTheMemberToTheNewLocalUnitAndItsRegion() {
        EventBatch.handle(() -> projection.on(new MemberTransferredEvent(MEMBER, SEGOU_03, KAYES_01, "déménagement"),
                1, at(1)));

        assertThat(aminata().localUnitId()).isEqualTo(KAYES_01);
        assertThat(aminata().regionId()).isEqualTo(KAYES);
    }

    @Test
    void suspensionRecordsTheStatusAndItsReason() {
        EventBatch.handle(() -> projection.on(new MemberSuspendedEvent(MEMBER, "cotisations impayées"), 1, at(1)));

        assertThat(aminata().status()).isEqualTo(MemberStatus.SUSPENDED);
        assertThat(aminata().statusReason()).isEqualTo("cotisations impayées");
    }

    @Test
    void reinstatementMakesASuspendedMemberActiveAgain() {
        EventBatch.handle(() -> projection.on(new MemberSuspendedEvent(MEMBER, "cotisations impayées"), 1, at(1)));

        EventBatch.handle(() -> projection.on(new MemberReinstatedEvent(MEMBER, MemberStatus.SUSPENDED,
                "cotisations réglées"), 2, at(2)));

        assertThat(aminata().status()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(aminata().statusReason()).isEqualTo("cotisations réglées");
    }

    @Test
    void resignationRecordsTheStatusAndItsReason() {
        EventBatch.handle(() -> projection.on(new MemberResignedEvent(MEMBER, LocalDate.of(2025, 1, 31),
                "départ à la retraite"), 1, at(1)));

        assertThat(aminata().status()).isEqualTo(MemberStatus.RESIGNED);
        assertThat(aminata().statusReason()).isEqualTo("départ à la retraite");
    }

    @Test
    void deathRecordsTheStatusAndClearsAnEarlierReason() {
        EventBatch.handle(() -> projection.on(new MemberSuspendedEvent(MEMBER, "cotisations impayées"), 1, at(1)));

        EventBatch.handle(() -> projection.on(new MemberDeathRecordedEvent(MEMBER, LocalDate.of(2025, 2, 14)), 2,
                at(2)));

        assertThat(aminata().status()).isEqualTo(MemberStatus.DECEASED);
        assertThat(aminata().statusReason()).isNull();
    }

    @Test
    void duesPaymentsAreAddedInTheOrderTheyWereRecorded() {
        EventBatch.handle(() -> projection.on(new DuesPaymentRecordedEvent(MEMBER, 2024, 5_000, "R-2024-001",
                LocalDate.of(2024, 3, 2)), 1, at(1)));
        EventBatch.handle(() -> projection.on(new DuesPaymentRecordedEvent(MEMBER, 2025, 6_000, "R-2025-017",
                LocalDate.of(2025, 1, 10)), 2, at(2)));

        assertThat(aminata().dues()).containsExactly(
                new DuesPaymentView(2024, 5_000, "R-2024-001", LocalDate.of(2024, 3, 2)),
                new DuesPaymentView(2025, 6_000, "R-2025-017", LocalDate.of(2025, 1, 10)));
    }

    @Test
    void identityCorrectionReplacesTheIdentityAndTheSearchableName() {
        EventBatch.handle(() -> projection.on(new MemberIdentityCorrectedEvent(MEMBER, "Traoré", "Aminatou",
                Gender.F, 1986, null, false, "erreur de saisie"), 1, at(1)));
        members.refresh();

        MemberView corrected = aminata();
        assertThat(corrected.firstName()).isEqualTo("Aminatou");
        assertThat(corrected.birthYear()).isEqualTo(1986);
        assertThat(corrected.nationalId()).isNull();
        assertThat(corrected.disability()).isFalse();
        assertThat(members.idsMatching(Members.filter(f -> f.name = "traore aminatou"))).containsExactly(MEMBER);
    }

    @Test
    void redeliveredEventAtTheSameSequenceNumberChangesNothing() {
        DuesPaymentRecordedEvent payment = new DuesPaymentRecordedEvent(MEMBER, 2024, 5_000, "R-2024-001",
                LocalDate.of(2024, 3, 2));
        EventBatch.handle(() -> projection.on(payment, 1, at(1)));
        MemberView before = aminata();

        EventBatch.handle(() -> projection.on(payment, 1, at(1)));

        assertThat(aminata()).isEqualTo(before);
        assertThat(aminata().dues()).hasSize(1);
    }

    @Test
    void redeliveredOlderEventChangesNothing() {
        EventBatch.handle(() -> projection.on(new MemberPhoneChangedEvent(MEMBER, "+22366001122"), 1, at(1)));
        EventBatch.handle(() -> projection.on(new MemberPhoneChangedEvent(MEMBER, "+22370000001"), 2, at(2)));
        MemberView before = aminata();

        EventBatch.handle(() -> projection.on(new MemberPhoneChangedEvent(MEMBER, "+22366001122"), 1, at(1)));

        assertThat(aminata()).isEqualTo(before);
        assertThat(aminata().phone()).isEqualTo("+22370000001");
    }

    @Test
    void redeliveredRegistrationAfterLaterUpdatesChangesNothing() {
        EventBatch.handle(() -> projection.on(new MemberPhoneChangedEvent(MEMBER, "+22366001122"), 1, at(1)));
        EventBatch.handle(() -> projection.on(new MemberSuspendedEvent(MEMBER, "cotisations impayées"), 2, at(2)));
        MemberView before = aminata();

        members.register(AMINATA);

        assertThat(aminata()).isEqualTo(before);
        assertThat(aminata().phone()).isEqualTo("+22366001122");
        assertThat(aminata().status()).isEqualTo(MemberStatus.SUSPENDED);
    }

    @Test
    void redeliveredBatchFromTheRegistrationOnAppliesEveryEventAgainAndTheNewOnes() {
        EventBatch.handle(() -> projection.on(new MemberPhoneChangedEvent(MEMBER, "+22366001122"), 1, at(1)));

        EventBatch.handle(() -> {
            projection.on(AMINATA, 0, at(0));
            projection.on(new MemberPhoneChangedEvent(MEMBER, "+22366001122"), 1, at(1));
            projection.on(new MemberTradesChangedEvent(MEMBER, List.of("COUTURE")), 2, at(2));
        });

        assertThat(aminata().phone()).isEqualTo("+22366001122");
        assertThat(aminata().trades()).containsExactly("COUTURE");
        assertThat(aminata().version()).isEqualTo(2);
    }

    @Test
    void redeliveredBatchEndingBeforeTheLatestEventChangesNothing() {
        EventBatch.handle(() -> {
            projection.on(new MemberPhoneChangedEvent(MEMBER, "+22366001122"), 1, at(1));
            projection.on(new MemberSuspendedEvent(MEMBER, "enquête"), 2, at(2));
        });
        MemberView before = aminata();

        EventBatch.handle(() -> {
            projection.on(AMINATA, 0, at(0));
            projection.on(new MemberPhoneChangedEvent(MEMBER, "+22366001122"), 1, at(1));
        });

        assertThat(aminata()).isEqualTo(before);
        assertThat(aminata().status()).isEqualTo(MemberStatus.SUSPENDED);
    }

    @Test
    void redeliveredBatchChangesNothing() {
        Runnable batch = () -> {
            projection.on(new MemberPhoneChangedEvent(MEMBER, "+22366001122"), 1, at(1));
            projection.on(new DuesPaymentRecordedEvent(MEMBER, 2024, 5_000, "R-2024-001", LocalDate.of(2024, 3, 2)),
                    2, at(2));
            projection.on(new MemberTradesChangedEvent(MEMBER, List.of("COUTURE")), 3, at(3));
        };
        EventBatch.handle(batch);
        MemberView before = aminata();

        EventBatch.handle(batch);

        assertThat(aminata()).isEqualTo(before);
        assertThat(aminata().version()).isEqualTo(3);
    }

    @Test
    void severalEventsOfOneMemberInOneBatchAreAllApplied() {
        MemberRegisteredEvent seydou = Members.registration("m-2", "SG-000043", "Coulibaly", "Seydou", Gender.M, 1990,
                "+22366001122", List.of("FORGE"), SEGOU_05, ENROLLED);

        EventBatch.handle(() -> {
            projection.on(seydou, 0, at(0));
            projection.on(new MemberPhoneChangedEvent("m-2", "+22379999999"), 1, at(1));
            projection.on(new MemberTradesChangedEvent("m-2", List.of("FORGE", "BIJOUTERIE")), 2, at(2));
            projection.on(new MemberTransferredEvent("m-2", SEGOU_05, KAYES_01, "déménagement"), 3, at(3));
            projection.on(new DuesPaymentRecordedEvent("m-2", 2024, 5_000, "R-2024-002", LocalDate.of(2024, 3, 5)),
                    4, at(4));
            projection.on(new MemberSuspendedEvent("m-2", "enquête"), 5, at(5));
        });

        MemberView view = members.get("m-2");
        assertThat(view.phone()).isEqualTo("+22379999999");
        assertThat(view.trades()).containsExactly("FORGE", "BIJOUTERIE");
        assertThat(view.localUnitId()).isEqualTo(KAYES_01);
        assertThat(view.dues()).extracting(DuesPaymentView::receiptNumber).containsExactly("R-2024-002");
        assertThat(view.status()).isEqualTo(MemberStatus.SUSPENDED);
        assertThat(view.version()).isEqualTo(5);
        assertThat(view.registeredAt()).isEqualTo(at(0));
        assertThat(view.updatedAt()).isEqualTo(at(5));
    }

    @Test
    void eventsOfSeveralMembersInOneBatchAreAllApplied() {
        EventBatch.handle(() -> {
            projection.on(Members.registration("m-2", "SG-000043", "Coulibaly", "Seydou", Gender.M, 1990,
                    "+22366001122", List.of("FORGE"), SEGOU_05, ENROLLED), 0, at(0));
            projection.on(new MemberPhoneChangedEvent(MEMBER, "+22370000001"), 1, at(1));
            projection.on(Members.registration("m-3", "KY-000001", "Diarra", "Fatoumata", Gender.F, 1978,
                    "+22370000002", List.of("TEINTURE"), KAYES_01, ENROLLED), 0, at(0));
            projection.on(new MemberSuspendedEvent("m-3", "enquête"), 1, at(1));
        });

        assertThat(members.get("m-2").localUnitId()).isEqualTo(SEGOU_05);
        assertThat(aminata().phone()).isEqualTo("+22370000001");
        assertThat(members.get("m-3").status()).isEqualTo(MemberStatus.SUSPENDED);
    }

    @Test
    void eventOfAnUnknownMemberIsSkippedWithoutFailingTheBatch() {
        EventBatch.handle(() -> {
            projection.on(new MemberPhoneChangedEvent("m-unknown", "+22366001122"), 1, at(1));
            projection.on(new MemberPhoneChangedEvent(MEMBER, "+22370000001"), 1, at(1));
        });

        assertThat(members.find("m-unknown")).isEmpty();
        assertThat(aminata().phone()).isEqualTo("+22370000001");
    }

    @Test
    void rolledBackBatchLeavesTheMemberAsItWas() {
        MemberView before = aminata();

        EventBatch.handleAndRollBack(() -> projection.on(new MemberSuspendedEvent(MEMBER, "enquête"), 1, at(1)));

        assertThat(aminata()).isEqualTo(before);
    }
}
