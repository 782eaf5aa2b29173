package org.jekafo.query.figures;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.jekafo.api.common.Gender;
import org.jekafo.api.figures.CountMembersAsOfQuery;
import org.jekafo.api.figures.FindIndicatorsQuery;
import org.jekafo.api.figures.IndicatorInterval;
import org.jekafo.api.figures.IndicatorPoint;
import org.jekafo.api.figures.MemberFigures;
import org.jekafo.api.figures.StatusGenderCount;
import org.jekafo.api.membership.CountBucket;
import org.jekafo.api.membership.MemberDeathRecordedEvent;
import org.jekafo.api.membership.MemberIdentityCorrectedEvent;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberReinstatedEvent;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.membership.MemberSuspendedEvent;
import org.jekafo.api.membership.MemberTransferredEvent;
import org.jekafo.query.EventBatch;
import org.jekafo.query.TestElasticsearch;
import org.jekafo.query.consultation.ConsultationIndex;
import org.jekafo.query.orgunit.OrgUnits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jekafo.query.orgunit.OrgUnits.KAYES;
import static org.jekafo.query.orgunit.OrgUnits.KAYES_01;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_03;

/**
 * The member period projection and the figures as of a date, against the real Elasticsearch and without Spring:
 * each change closes a period at its time, the figures at a date are those of the periods that held then (a
 * boundary belongs to the event's side), redelivered events change nothing, and registrations are counted in the
 * month they happened. Aminata (F, SG-03) is registered on 2024-03-10, Moussa (M, SG-03) on 2024-04-02.
 */
class MemberPeriodProjectionTest {

    private static final Instant MARCH_10 = Instant.parse("2024-03-10T09:00:00.123456789Z");
    private static final Instant APRIL_2 = Instant.parse("2024-04-02T10:00:00Z");
    private static final Instant APRIL_20 = Instant.parse("2024-04-20T11:30:00.000000001Z");
    private static final Instant MAY_5 = Instant.parse("2024-05-05T08:00:00Z");

    private final ElasticsearchClient client = TestElasticsearch.client();
    private MemberPeriodIndex index;
    private MemberPeriodProjection projection;
    private FigureQueries queries;
    private OrgUnits orgUnits;

    @BeforeEach
    void aminataAndMoussaAreRegistered() {
        TestElasticsearch.deleteIndices(MemberPeriodIndex.ALIAS + "*");
        TestElasticsearch.deleteIndices(ConsultationIndex.ALIAS + "*");
        orgUnits = OrgUnits.withSharedTree();
        index = new MemberPeriodIndex(client, Clock.systemUTC());
        index.initialise();
        try { // no consultation in these tests: an empty index under the consultations' name
            client.indices().create(c -> c.index(ConsultationIndex.ALIAS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        projection = new MemberPeriodProjection(client, index);
        queries = new FigureQueries(client, orgUnits.pastTrees());
        EventBatch.handle(() -> projection.on(registration("m-1", Gender.F), 0, MARCH_10));
        EventBatch.handle(() -> projection.on(registration("m-2", Gender.M), 0, APRIL_2));
    }

    private static MemberRegisteredEvent registration(String memberId, Gender gender) {
        return new MemberRegisteredEvent(memberId, null, "Nom", "Prénom", gender, 1985, "+22376123456", null,
                List.of("TEINTURE"), SEGOU_03, false, LocalDate.of(2024, 3, 1), false);
    }

    private MemberFigures asOf(String unit, Instant at) {
        index.refresh();
        try {
            return queries.handle(new CountMembersAsOfQuery(unit, at));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aTransferCountsTheMemberInTheOldUnitUntilItsTimeAndInTheNewOneFromIt() {
        EventBatch.handle(() -> projection.on(new MemberTransferredEvent("m-1", SEGOU_03, KAYES_01, null), 1,
                APRIL_20));

        assertThat(asOf(SEGOU, APRIL_20.minusNanos(1)).total()).isEqualTo(2);
        assertThat(asOf(KAYES, APRIL_20.minusNanos(1)).total()).isZero();
        assertThat(asOf(SEGOU, APRIL_20).total()).isEqualTo(1);
        assertThat(asOf(KAYES, APRIL_20).byLocalUnit()).containsExactly(new CountBucket(KAYES_01, 1));
        assertThat(asOf(KAYES, APRIL_20).byRegion()).containsExactly(new CountBucket(KAYES, 1));
    }

    @Test
    void beforeTheRegistrationTheMemberIsNotCounted() {
        assertThat(asOf(null, MARCH_10.minusNanos(1)).total()).isZero();
        assertThat(asOf(null, MARCH_10).total()).isEqualTo(1);
        assertThat(asOf(null, APRIL_2).byGender()).containsExactlyInAnyOrder(new CountBucket("F", 1),
                new CountBucket("M", 1));
    }

    @Test
    void aSuspensionThenADeathChangeTheStatusAtTheirTimesCrossedWithGender() {
        EventBatch.handle(() -> projection.on(new MemberSuspendedEvent("m-1", "cotisations"), 1, APRIL_20));
        EventBatch.handle(() -> projection.on(new MemberReinstatedEvent("m-1", MemberStatus.SUSPENDED, null), 2,
                MAY_5));
        EventBatch.handle(() -> projection.on(new MemberDeathRecordedEvent("m-2", null), 1, MAY_5));

        assertThat(asOf(null, APRIL_20).byStatusAndGender()).containsExactlyInAnyOrder(
                new StatusGenderCount("SUSPENDED", "F", 1), new StatusGenderCount("ACTIVE", "M", 1));
        assertThat(asOf(null, MAY_5).byStatusAndGender()).containsExactlyInAnyOrder(
                new StatusGenderCount("ACTIVE", "F", 1), new StatusGenderCount("DECEASED", "M", 1));
        assertThat(asOf(null, MAY_5).total()).isEqualTo(2);
    }

    @Test
    void aRedeliveredEventOpensNoSecondPeriod() {
        Runnable transfer = () -> projection.on(new MemberTransferredEvent("m-1", SEGOU_03, KAYES_01, null), 1,
                APRIL_20);
        EventBatch.handle(transfer);
        EventBatch.handle(transfer);
        EventBatch.replay(() -> projection.on(registration("m-1", Gender.F), 0, MARCH_10));

        assertThat(asOf(null, APRIL_20).total()).isEqualTo(2);
        assertThat(asOf(null, APRIL_20.minusNanos(1)).byLocalUnit()).containsExactly(new CountBucket(SEGOU_03, 2));
        assertThat(asOf(null, MAY_5).byLocalUnit()).containsExactlyInAnyOrder(new CountBucket(SEGOU_03, 1),
                new CountBucket(KAYES_01, 1));
    }

    @Test
    void aChangeThatCountsNothingOpensNoPeriod() throws IOException {
        EventBatch.handle(() -> projection.on(new MemberTransferredEvent("m-1", SEGOU_03, KAYES_01, null), 1,
                APRIL_20));
        index.refresh();
        long before = client.count(c -> c.index(MemberPeriodIndex.ALIAS)).count();

        EventBatch.handle(() -> projection.on(new MemberIdentityCorrectedEvent("m-2", "Nom", "Autre prénom", Gender.M,
                1986, null, false, "faute de frappe"), 1, MAY_5));
        index.refresh();

        assertThat(before).isEqualTo(3);
        assertThat(client.count(c -> c.index(MemberPeriodIndex.ALIAS)).count()).isEqualTo(3);
        assertThat(asOf(null, MAY_5).byGender()).containsExactlyInAnyOrder(new CountBucket("F", 1),
                new CountBucket("M", 1));
    }

    @Test
    void indicatorsCountMembersAtEachMonthsEndAndRegistrationsInTheirMonth() throws IOException {
        EventBatch.handle(() -> projection.on(new MemberDeathRecordedEvent("m-2", null), 1, MAY_5));
        index.refresh();

        List<IndicatorPoint> points = queries.handle(new FindIndicatorsQuery(SEGOU, LocalDate.of(2024, 3, 15),
                LocalDate.of(2024, 5, 1), IndicatorInterval.MONTH)).points();

        assertThat(points).extracting(IndicatorPoint::start).containsExactly(LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 4, 1), LocalDate.of(2024, 5, 1));
        assertThat(points).extracting(IndicatorPoint::members).containsExactly(1L, 2L, 1L);
        assertThat(points).extracting(IndicatorPoint::women).containsExactly(1L, 1L, 1L);
        assertThat(points).extracting(IndicatorPoint::registrations).containsExactly(1L, 1L, 0L);
        assertThat(points).extracting(IndicatorPoint::registeredWomen).containsExactly(1L, 0L, 0L);
        assertThat(points).extracting(IndicatorPoint::consultationsHeld).containsOnly(0L);
    }

    @Test
    void membersOfAMovedUnitCountInTheRegionItLayInAtTheDate() {
        orgUnits.moved(SEGOU_03, SEGOU, KAYES, APRIL_20);
        orgUnits.refresh();

        assertThat(asOf(SEGOU, APRIL_20.minusNanos(1)).total()).isEqualTo(2);
        assertThat(asOf(KAYES, APRIL_20.minusNanos(1)).total()).isZero();
        assertThat(asOf(null, APRIL_20.minusNanos(1)).byRegion()).containsExactly(new CountBucket(SEGOU, 2));
        assertThat(asOf(SEGOU, APRIL_20).total()).isZero();
        assertThat(asOf(KAYES, APRIL_20).byLocalUnit()).containsExactly(new CountBucket(SEGOU_03, 2));
        assertThat(asOf(null, APRIL_20).byRegion()).containsExactly(new CountBucket(KAYES, 2));
    }

    @Test
    void indicatorsAcrossAMoveCountMembersInTheRegionOfEachMonthsEndAndRegistrationsWhereTheyHappened()
            throws IOException {
        orgUnits.moved(SEGOU_03, SEGOU, KAYES, APRIL_20);
        orgUnits.refresh();
        index.refresh();

        List<IndicatorPoint> segou = queries.handle(new FindIndicatorsQuery(SEGOU, LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 5, 1), IndicatorInterval.MONTH)).points();
        List<IndicatorPoint> kayes = queries.handle(new FindIndicatorsQuery(KAYES, LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 5, 1), IndicatorInterval.MONTH)).points();

        assertThat(segou).extracting(IndicatorPoint::members).containsExactly(1L, 0L, 0L);
        assertThat(segou).extracting(IndicatorPoint::registrations).containsExactly(1L, 1L, 0L);
        assertThat(kayes).extracting(IndicatorPoint::members).containsExactly(0L, 2L, 2L);
        assertThat(kayes).extracting(IndicatorPoint::registrations).containsExactly(0L, 0L, 0L);
    }
}
