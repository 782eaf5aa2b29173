package org.jekafo.app.figures;

import graphql.GraphQLContext;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.api.common.Gender;
import org.jekafo.api.figures.CountMembersAsOfQuery;
import org.jekafo.api.figures.FindIndicatorsQuery;
import org.jekafo.api.figures.IndicatorInterval;
import org.jekafo.api.figures.IndicatorPoint;
import org.jekafo.api.figures.IndicatorSeries;
import org.jekafo.api.figures.MemberFigures;
import org.jekafo.api.membership.CountBucket;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.api.trade.Trade;
import org.jekafo.api.trade.TradeCatalog;
import org.jekafo.app.orgunit.OrgUnits;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.jekafo.app.platform.graphql.GlobalIds;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Figures of the federation as of any date ({@code memberCountsAsOf}) and its monitoring and evaluation indicators
 * period by period ({@code indicators}), labelled for display; counts of members are shown to auditors and
 * administrators under the small-counts rule ({@link SmallFigures}). Consultation figures are public results and
 * shown as they are.
 */
@Controller
class FiguresController {

    /** A count for display (GraphQL {@code CountBucket}); null and {@code suppressed} when too small to show. */
    record Cell(String key, String label, Long count, boolean suppressed) {
        Cell hidden() {
            return new Cell(key, label, null, true);
        }
    }

    /** The members of one status and one gender. */
    record StatusGenderCell(MemberStatus status, Gender gender, Long count, boolean suppressed) {
    }

    record MemberCountsAsOfView(Instant at, Long total, boolean totalSuppressed, List<Cell> byStatus,
                                List<Cell> byGender, List<Cell> byRegion, List<Cell> byLocalUnit, List<Cell> byTrade,
                                List<StatusGenderCell> byStatusAndGender) {
    }

    record IndicatorPointView(LocalDate start, LocalDate end, Long members, Long women, Double womenShare,
                              Long registrations, Long registeredWomen, Double registeredWomenShare,
                              long consultationsHeld, long eligible, Long eligibleWomen, Double eligibleWomenShare,
                              long voters, Long womenVoters, Double womenVotersShare, Double turnout,
                              boolean suppressed) {
    }

    record IndicatorSeriesView(IndicatorInterval interval, List<IndicatorPointView> points) {
    }

    private final QueryGateway queries;
    private final OrgUnits orgUnits;
    private final PrincipalProvider principals;

    FiguresController(QueryGateway queries, OrgUnits orgUnits, PrincipalProvider principals) {
        this.queries = queries;
        this.orgUnits = orgUnits;
        this.principals = principals;
    }

    @QueryMapping
    MemberCountsAsOfView memberCountsAsOf(@Argument String orgUnitId, @Argument Instant at, GraphQLContext request) {
        MemberFigures figures = queries.query(new CountMembersAsOfQuery(orgUnitId, at),
                ResponseTypes.instanceOf(MemberFigures.class)).join();
        Map<String, OrgUnitView> units = orgUnits.all(request);
        Function<String, String> unitName = id -> units.containsKey(id) ? units.get(id).name() : id;
        List<Cell> byRegion = cells(figures.byRegion(), id -> GlobalIds.of("OrgUnit", id), unitName);
        List<Cell> byLocalUnit = cells(figures.byLocalUnit(), id -> GlobalIds.of("OrgUnit", id), unitName);
        List<Cell> byStatus = cells(figures.byStatus(), Function.identity(), status -> MemberStatus.valueOf(status).countLabelFr());
        List<Cell> byGender = cells(figures.byGender(), Function.identity(),
                key -> key.equals(Gender.F.name()) ? "Femmes" : "Hommes");
        List<Cell> byTrade = cells(figures.byTrade(), Function.identity(),
                code -> TradeCatalog.find(code).map(Trade::labelFr).orElse(code));
        List<StatusGenderCell> cross = figures.byStatusAndGender().stream().map(c -> new StatusGenderCell(
                MemberStatus.valueOf(c.status()), Gender.valueOf(c.gender()), c.count(), false)).toList();
        if (!principals.current().role().overseer()) {
            return new MemberCountsAsOfView(figures.at(), figures.total(), false, byStatus, byGender, byRegion,
                    byLocalUnit, byTrade, cross);
        }
        if (SmallFigures.small(figures.total())) {
            return new MemberCountsAsOfView(figures.at(), null, true, hidden(byStatus), hidden(byGender),
                    hidden(byRegion), hidden(byLocalUnit), hidden(byTrade),
                    cross.stream().map(c -> new StatusGenderCell(c.status(), c.gender(), null, true)).toList());
        }
        List<Cell> crossCells = SmallFigures.partition(cross.stream().map(c -> new Cell(c.status() + "/" + c.gender(),
                "", c.count(), false)).toList());
        List<StatusGenderCell> crossShown = cross.stream().map(c -> {
            Cell cell = crossCells.get(cross.indexOf(c));
            return new StatusGenderCell(c.status(), c.gender(), cell.count(), cell.suppressed());
        }).toList();
        return new MemberCountsAsOfView(figures.at(), figures.total(), false, SmallFigures.partition(byStatus),
                SmallFigures.partition(byGender), SmallFigures.partition(byRegion),
                SmallFigures.partition(byLocalUnit), SmallFigures.cells(byTrade), crossShown);
    }

    @QueryMapping
    IndicatorSeriesView indicators(@Argument String orgUnitId, @Argument LocalDate from, @Argument LocalDate to,
                                   @Argument IndicatorInterval interval) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("INVALID_INPUT", "to", "La fin de la série précède son début.");
        }
        long months = ChronoUnit.MONTHS.between(from.withDayOfMonth(1), to.withDayOfMonth(1)) + 1;
        long points = switch (interval) {
            case MONTH -> months;
            case QUARTER -> (months + 2) / 3;
            case YEAR -> to.getYear() - from.getYear() + 1;
        };
        if (points > FindIndicatorsQuery.MAX_POINTS) {
            throw new InvalidInputException("INVALID_INPUT", "to", "Une série compte au plus "
                    + FindIndicatorsQuery.MAX_POINTS + " points.");
        }
        IndicatorSeries series = queries.query(new FindIndicatorsQuery(orgUnitId, from, to, interval),
                ResponseTypes.instanceOf(IndicatorSeries.class)).join();
        boolean overseer = principals.current().role().overseer();
        return new IndicatorSeriesView(interval, series.points().stream().map(p -> point(p, overseer)).toList());
    }

    /** A point for display: shares computed, members' counts under the small-counts rule for an overseer. */
    private static IndicatorPointView point(IndicatorPoint p, boolean overseer) {
        Long members = p.members();
        Long women = p.women();
        Long registrations = p.registrations();
        Long registeredWomen = p.registeredWomen();
        if (overseer) {
            members = SmallFigures.small(members) ? null : members;
            women = members == null ? null : SmallFigures.part(p.members(), p.women());
            registrations = SmallFigures.small(registrations) ? null : registrations;
            registeredWomen = registrations == null ? null : SmallFigures.part(p.registrations(), p.registeredWomen());
        }
        boolean suppressed = members == null || women == null || registrations == null || registeredWomen == null;
        return new IndicatorPointView(p.start(), p.end(), members, women, share(women, members), registrations,
                registeredWomen, share(registeredWomen, registrations), p.consultationsHeld(), p.eligible(),
                p.eligibleWomen(), share(p.eligibleWomen(), p.eligible()), p.voters(), p.womenVoters(),
                share(p.womenVoters(), p.voters()), share(p.voters(), p.eligible()), overseer && suppressed);
    }

    /** {@code part} over {@code whole} in percent, to a tenth (as a consultation's inclusion shows shares); null when either is unknown or the whole is 0. */
    private static Double share(Long part, Long whole) {
        return part == null || whole == null || whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private static List<Cell> cells(List<CountBucket> buckets, Function<String, String> key,
                                    Function<String, String> label) {
        return buckets.stream().map(b -> new Cell(key.apply(b.key()), label.apply(b.key()), b.count(), false))
                .toList();
    }

    private static List<Cell> hidden(List<Cell> cells) {
        return cells.stream().map(Cell::hidden).toList();
    }
}
