package org.jekafo.query.membership;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.jekafo.api.common.Gender;
import org.jekafo.api.membership.CountMembersQuery;
import org.jekafo.api.membership.FindMemberQuery;
import org.jekafo.api.membership.FindMembersQuery;
import org.jekafo.api.membership.MemberCounts;
import org.jekafo.api.membership.MemberFilter;
import org.jekafo.api.membership.MemberPage;
import org.jekafo.api.membership.MemberPosition;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberResignedEvent;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.membership.MemberSuspendedEvent;
import org.jekafo.api.membership.MemberView;
import org.jekafo.query.EventBatch;
import org.jekafo.query.TestElasticsearch;
import org.jekafo.query.orgunit.OrgUnits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.jekafo.query.orgunit.OrgUnits.KAYES_01;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_03;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_05;

/**
 * The member projection and queries of a test, wired by hand as Spring would, on fresh {@code jekafo-members}
 * and {@code jekafo-org-units} indices (the tree of {@link OrgUnits}). Events are handled the way a processor
 * handles them: in a unit of work, committed at the end of the batch.
 */
final class Members {

    /** When the tests' events happened; each event of a member is one minute after the previous one. */
    static final Instant REGISTERED_AT = Instant.parse("2024-03-01T08:15:30.123456Z");

    final ElasticsearchClient client = TestElasticsearch.client();
    final OrgUnits orgUnits;
    final MemberIndex index;
    final MemberProjection projection;
    final MemberQueries queries;

    private Members(OrgUnits orgUnits) {
        this.orgUnits = orgUnits;
        this.index = new MemberIndex(client, Clock.systemUTC());
        this.projection = new MemberProjection(client, index);
        this.queries = new MemberQueries(client, orgUnits.queries());
    }

    /** Deletes every members and org-units index left by earlier tests; starts from empty indices. */
    static Members fresh() {
        TestElasticsearch.deleteIndices(MemberIndex.ALIAS + "*");
        Members members = new Members(OrgUnits.withSharedTree());
        members.index.initialise();
        return members;
    }

    /** The timestamp of a member's event at {@code sequence}. */
    static Instant at(long sequence) {
        return REGISTERED_AT.plus(sequence, ChronoUnit.MINUTES);
    }

    static MemberRegisteredEvent registration(String memberId, String cardNumber, String lastName, String firstName,
                                              Gender gender, int birthYear, String phone, List<String> trades,
                                              String localUnitId, LocalDate enrolledOn) {
        return new MemberRegisteredEvent(memberId, cardNumber, lastName, firstName, gender, birthYear, phone, null,
                trades, localUnitId, false, enrolledOn, false);
    }

    /** Handles a registration (sequence 0) in a batch of its own. */
    void register(MemberRegisteredEvent event) {
        EventBatch.handle(() -> projection.on(event, 0, at(0)));
    }

    /**
     * Registers five members, suspends m-3 and records m-5's resignation, and makes them searchable. In name
     * order:
     * <pre>
     *   m-2 Seydou Coulibaly   M 1990 +22366001122 FORGE               SG-05 enrolled 2023-06-15 ACTIVE
     *   m-3 Fatoumata Diarra   F 1978 +22370000001 TEINTURE            KY-01 enrolled 2022-01-10 SUSPENDED
     *   m-5 Awa Keïta          F 1995 +22365554433 COUTURE             SG-03 enrolled 2021-09-01 RESIGNED
     *   m-1 Aminata Traoré     F 1985 +22376123456 COUTURE, TEINTURE   SG-03 enrolled 2024-03-01 ACTIVE
     *   m-4 Moussa Traoré      M 2000 +22379999999 FORGE, BIJOUTERIE   KY-01 enrolled 2024-11-20 ACTIVE
     * </pre>
     */
    void fiveMembersRegistered() {
        register(registration("m-1", "SG-000042", "Traoré", "Aminata", Gender.F, 1985, "+22376123456",
                List.of("COUTURE", "TEINTURE"), SEGOU_03, LocalDate.of(2024, 3, 1)));
        register(registration("m-2", "SG-000043", "Coulibaly", "Seydou", Gender.M, 1990, "+22366001122",
                List.of("FORGE"), SEGOU_05, LocalDate.of(2023, 6, 15)));
        register(registration("m-3", "KY-000001", "Diarra", "Fatoumata", Gender.F, 1978, "+22370000001",
                List.of("TEINTURE"), KAYES_01, LocalDate.of(2022, 1, 10)));
        register(registration("m-4", "KY-000002", "Traoré", "Moussa", Gender.M, 2000, "+22379999999",
                List.of("FORGE", "BIJOUTERIE"), KAYES_01, LocalDate.of(2024, 11, 20)));
        register(registration("m-5", "SG-000044", "Keïta", "Awa", Gender.F, 1995, "+22365554433",
                List.of("COUTURE"), SEGOU_03, LocalDate.of(2021, 9, 1)));
        EventBatch.handle(() -> {
            projection.on(new MemberSuspendedEvent("m-3", "cotisations impayées"), 1, at(1));
            projection.on(new MemberResignedEvent("m-5", LocalDate.of(2025, 1, 31), "retraite"), 1, at(1));
        });
        refresh();
    }

    /** Makes the latest writes visible to searches. */
    void refresh() {
        index.refresh();
    }

    Optional<MemberView> find(String memberId) {
        try {
            return Optional.ofNullable(queries.handle(new FindMemberQuery(memberId, null)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MemberView get(String memberId) {
        return find(memberId).orElseThrow(() -> new AssertionError("member " + memberId + " not found"));
    }

    Optional<MemberView> findByCard(String cardNumber) {
        try {
            return Optional.ofNullable(queries.handle(new FindMemberQuery(null, cardNumber)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    MemberPage page(MemberFilter filter, int first, MemberPosition after) {
        try {
            return queries.handle(new FindMembersQuery(filter, first, after));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ids of every member matching the filter, in list order (one page large enough for the tests). */
    List<String> idsMatching(MemberFilter filter) {
        MemberPage page = page(filter, MemberQueries.MAX_PAGE_SIZE, null);
        return page.members().stream().map(MemberView::memberId).toList();
    }

    MemberCounts count(MemberFilter filter) {
        try {
            return queries.handle(new CountMembersQuery(filter));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A filter with the criteria the consumer sets, every other one empty. */
    static MemberFilter filter(Consumer<Criteria> criteria) {
        Criteria c = new Criteria();
        criteria.accept(c);
        return new MemberFilter(c.orgUnitId, c.gender, c.trade, c.status, c.birthYearFrom, c.birthYearTo,
                c.enrolledFrom, c.enrolledTo, c.name, c.phone);
    }

    static final class Criteria {
        String orgUnitId;
        Gender gender;
        String trade;
        MemberStatus status;
        Integer birthYearFrom;
        Integer birthYearTo;
        LocalDate enrolledFrom;
        LocalDate enrolledTo;
        String name;
        String phone;
    }
}
