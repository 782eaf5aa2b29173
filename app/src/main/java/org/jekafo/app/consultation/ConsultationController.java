package org.jekafo.app.consultation;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jekafo.api.common.Channel;
import org.jekafo.api.consultation.Answer;
import org.jekafo.api.consultation.BallotReceipt;
import org.jekafo.api.consultation.CancelConsultationCommand;
import org.jekafo.api.consultation.CastBallotCommand;
import org.jekafo.api.consultation.CheckReceiptQuery;
import org.jekafo.api.consultation.CloseConsultationCommand;
import org.jekafo.api.consultation.ConsultationAggregates;
import org.jekafo.api.consultation.ConsultationFilter;
import org.jekafo.api.consultation.ConsultationPage;
import org.jekafo.api.consultation.ConsultationPlan;
import org.jekafo.api.consultation.ConsultationStatus;
import org.jekafo.api.consultation.ConsultationTalliedEvent;
import org.jekafo.api.consultation.ConsultationView;
import org.jekafo.api.consultation.DraftConsultationCommand;
import org.jekafo.api.consultation.EditConsultationDraftCommand;
import org.jekafo.api.consultation.Eligibility;
import org.jekafo.api.consultation.ExtendConsultationCommand;
import org.jekafo.api.consultation.FindConsultationQuery;
import org.jekafo.api.consultation.FindConsultationsQuery;
import org.jekafo.api.consultation.FindMemberParticipationQuery;
import org.jekafo.api.consultation.FindPublishedBallotsQuery;
import org.jekafo.api.consultation.FindRecommendationsQuery;
import org.jekafo.api.consultation.FindTurnoutQuery;
import org.jekafo.api.consultation.GroupCount;
import org.jekafo.api.consultation.MemberParticipation;
import org.jekafo.api.consultation.PublishedBallot;
import org.jekafo.api.consultation.PublishedBallotPage;
import org.jekafo.api.consultation.QuestionResult;
import org.jekafo.api.consultation.ReceiptCheck;
import org.jekafo.api.consultation.RecommendationPage;
import org.jekafo.api.consultation.ScheduleConsultationCommand;
import org.jekafo.api.consultation.TagRecommendationCommand;
import org.jekafo.api.consultation.Turnout;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.app.consultation.ConsultationInputs.CancelConsultationInput;
import org.jekafo.app.consultation.ConsultationInputs.CastBallotInput;
import org.jekafo.app.consultation.ConsultationInputs.CloseConsultationInput;
import org.jekafo.app.consultation.ConsultationInputs.DraftConsultationInput;
import org.jekafo.app.consultation.ConsultationInputs.EditConsultationDraftInput;
import org.jekafo.app.consultation.ConsultationInputs.ExtendConsultationInput;
import org.jekafo.app.consultation.ConsultationInputs.ScheduleConsultationInput;
import org.jekafo.app.consultation.ConsultationInputs.TagRecommendationInput;
import org.jekafo.app.orgunit.OrgUnits;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.jekafo.app.platform.gate.Role;
import org.jekafo.app.platform.graphql.GlobalIds;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.jekafo.app.platform.graphql.MutationEnvelope;
import org.jekafo.app.platform.graphql.Mutations;
import org.jekafo.app.platform.graphql.NodeKind;
import org.jekafo.app.platform.history.Histories;
import org.jekafo.app.platform.history.HistoryConnection;
import org.jekafo.command.consultation.ConsultationRoll;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Consultations over GraphQL: their lives as mutations, ballots, turnout, results and the published record. */
@Controller
class ConsultationController implements NodeKind {

    private static final List<String> INCLUSION_DIMENSIONS = List.of("GENDER", "DISABILITY", "REGION");

    private final QueryGateway queries;
    private final Mutations mutations;
    private final ConsultationReadBack readBack;
    private final OrgUnits orgUnits;
    private final Histories histories;
    private final PrincipalProvider principals;
    private final ConsultationRoll roll;

    ConsultationController(QueryGateway queries, Mutations mutations, ConsultationReadBack readBack, OrgUnits orgUnits,
                           Histories histories, PrincipalProvider principals, ConsultationRoll roll) {
        this.queries = queries;
        this.mutations = mutations;
        this.readBack = readBack;
        this.orgUnits = orgUnits;
        this.histories = histories;
        this.principals = principals;
        this.roll = roll;
    }

    record ConsultationPayload(String clientMutationId, ConsultationView consultation) {
    }

    record CastBallotPayload(String clientMutationId, String receipt, String consultationId) {
    }

    record RecommendationPayload(String clientMutationId, String recommendationId) {
    }

    record Edge(String cursor, ConsultationView node) {
    }

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    record Connection(List<Edge> edges, PageInfo pageInfo, long totalCount) {
    }

    record NodesConnection<T>(List<T> nodes, PageInfo pageInfo, long totalCount) {
    }

    record TurnoutView(long voterCount, Long eligibleCount, List<GroupCount> byChannel, List<GroupCount> liveCounts) {
    }

    record ResultView(Object outcome, long eligibleCount, long voterCount, List<GroupCount> voterGroups,
                      List<QuestionResult> questions, Instant talliedAt) {
    }

    record InclusionView(String dimension, String group, long eligible, double eligibleShare, Long voters,
                         Double voterShare, Double turnout) {
    }

    record MemberConsultation(ConsultationView consultation, boolean eligible, boolean hasVoted, boolean mayVote,
                              String votedThrough, List<Answer> answers) {
    }

    record ReceiptView(String receipt, boolean counted, String ballotId) {
    }

    record PublishedBallotView(String ballotId, String receipt, String ballot, Object gender, String ageBand) {
    }

    @Override
    public String typeName() {
        return "Consultation";
    }

    @Override
    public String readBy() {
        return "Query.consultation";
    }

    @Override
    public Class<?> representedBy() {
        return ConsultationView.class;
    }

    @Override
    public ConsultationView load(String identifier, DataFetchingEnvironment environment) {
        return consultation(identifier);
    }

    @QueryMapping
    ConsultationView consultation(@Argument String id) {
        return queries.query(new FindConsultationQuery(id), ResponseTypes.instanceOf(ConsultationView.class)).join();
    }

    @QueryMapping
    Connection consultations(@Argument ConsultationFilterInput filter, @Argument Integer first, @Argument String after) {
        int size = first == null ? 20 : first;
        if (size < 0 || size > 500) {
            throw new InvalidInputException("INVALID_INPUT", "first", "Une page compte de 0 à 500 consultations.");
        }
        ConsultationFilter criteria = filter == null ? null : new ConsultationFilter(filter.orgUnitId(),
                Boolean.TRUE.equals(filter.includeSubunits()), filter.status(), filter.from(), filter.to());
        ConsultationPage page = queries.query(new FindConsultationsQuery(criteria, size, cursorValue(after)),
                ResponseTypes.instanceOf(ConsultationPage.class)).join();
        List<Edge> edges = page.consultations().stream().map(c -> new Edge(cursor(c), c)).toList();
        return new Connection(edges, new PageInfo(page.hasNextPage(), after != null,
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()),
                page.totalCount());
    }

    record ConsultationFilterInput(String orgUnitId, Boolean includeSubunits, ConsultationStatus status, Instant from,
                                   Instant to) {
    }

    private static String cursor(ConsultationView consultation) {
        String value = consultation.closesAt().toEpochMilli() + "|" + consultation.consultationId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String cursorValue(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String value = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = value.split("\\|", 2);
            Long.parseLong(parts[0]);
            if (parts.length != 2 || parts[1].length() > 100) {
                throw new IllegalArgumentException(value);
            }
            return value;
        } catch (IllegalArgumentException invalid) {
            throw new InvalidInputException("INVALID_CURSOR", "after", "Ce curseur n'a pas été donné par ce serveur.");
        }
    }

    @QueryMapping
    List<MemberConsultation> myConsultations(@Argument String memberId, DataFetchingEnvironment environment) {
        ActingPrincipal caller = principals.of(environment.getGraphQlContext());
        String member = memberId != null ? memberId : caller.memberId();
        if (member == null) {
            throw new InvalidInputException("INVALID_INPUT", "memberId", "Indiquez le membre.");
        }
        MemberParticipation participation = queries.query(new FindMemberParticipationQuery(member, null),
                ResponseTypes.instanceOf(MemberParticipation.class)).join();
        List<MemberConsultation> result = new ArrayList<>();
        roll.rollsOf(member).forEach((consultationId, voted) -> {
            ConsultationView consultation = consultation(consultationId);
            if (consultation == null) {
                return;
            }
            MemberParticipation.Entry entry = participation.entries().stream()
                    .filter(e -> consultationId.equals(e.consultationId())).findFirst().orElse(null);
            boolean open = consultation.status() == ConsultationStatus.OPEN
                    && Instant.now().isBefore(consultation.closesAt());
            result.add(new MemberConsultation(consultation, true, voted, open && !voted,
                    entry == null ? null : entry.channel(),
                    entry == null || entry.answers() == null ? List.of() : entry.answers()));
        });
        return result;
    }

    @QueryMapping
    ReceiptView checkBallotReceipt(@Argument String consultationId, @Argument String receipt) {
        ReceiptCheck check = queries.query(new CheckReceiptQuery(consultationId, receipt),
                ResponseTypes.instanceOf(ReceiptCheck.class)).join();
        return new ReceiptView(check.receipt(), check.found(), check.ballotId());
    }

    @QueryMapping
    NodesConnection<PublishedBallotView> publishedBallots(@Argument String consultationId, @Argument Integer first,
                                                          @Argument String after) {
        int size = first == null ? 100 : first;
        if (size < 0 || size > 500) {
            throw new InvalidInputException("INVALID_INPUT", "first", "Une page compte de 0 à 500 bulletins.");
        }
        PublishedBallotPage page = queries.query(new FindPublishedBallotsQuery(consultationId, size, after),
                ResponseTypes.instanceOf(PublishedBallotPage.class)).join();
        List<PublishedBallotView> nodes = page.ballots().stream().map(ControllerViews::published).toList();
        return new NodesConnection<>(nodes, new PageInfo(page.hasNextPage(), after != null,
                nodes.isEmpty() ? null : nodes.get(0).ballotId(),
                nodes.isEmpty() ? null : nodes.get(nodes.size() - 1).ballotId()), page.totalCount());
    }

    @QueryMapping
    NodesConnection<?> recommendations(@Argument String consultationId, @Argument String search, @Argument String tag,
                                       @Argument Integer first, @Argument String after) {
        int size = first == null ? 50 : first;
        if (size < 0 || size > 500) {
            throw new InvalidInputException("INVALID_INPUT", "first", "Une page compte de 0 à 500 recommandations.");
        }
        RecommendationPage page = queries.query(new FindRecommendationsQuery(consultationId, search, tag, size, after),
                ResponseTypes.instanceOf(RecommendationPage.class)).join();
        var nodes = page.recommendations();
        return new NodesConnection<>(nodes, new PageInfo(page.hasNextPage(), after != null,
                nodes.isEmpty() ? null : nodes.get(0).recommendationId(),
                nodes.isEmpty() ? null : nodes.get(nodes.size() - 1).recommendationId()), page.totalCount());
    }

    @SchemaMapping(typeName = "Consultation")
    String id(ConsultationView consultation) {
        return consultation.consultationId();
    }

    @SchemaMapping(typeName = "Consultation")
    OrgUnitView orgUnit(ConsultationView consultation, GraphQLContext request) {
        return orgUnits.all(request).get(consultation.orgUnitId());
    }

    @SchemaMapping(typeName = "Consultation")
    String title(ConsultationView consultation) {
        return consultation.plan().title();
    }

    @SchemaMapping(typeName = "Consultation")
    String titleBm(ConsultationView consultation) {
        return consultation.plan().titleBm();
    }

    @SchemaMapping(typeName = "Consultation")
    String description(ConsultationView consultation) {
        return consultation.plan().description();
    }

    @SchemaMapping(typeName = "Consultation")
    String descriptionBm(ConsultationView consultation) {
        return consultation.plan().descriptionBm();
    }

    @SchemaMapping(typeName = "Consultation")
    Object questions(ConsultationView consultation) {
        return consultation.plan().questions();
    }

    @SchemaMapping(typeName = "Consultation")
    Eligibility eligibility(ConsultationView consultation) {
        return consultation.plan().eligibility();
    }

    @SchemaMapping(typeName = "Eligibility")
    OrgUnitView orgUnit(Eligibility eligibility, GraphQLContext request) {
        return orgUnits.all(request).get(eligibility.orgUnitId());
    }

    @SchemaMapping(typeName = "Eligibility")
    Object statuses(Eligibility eligibility) {
        return eligibility.statusesOrDefault();
    }

    @SchemaMapping(typeName = "Consultation")
    Object mode(ConsultationView consultation) {
        return consultation.plan().mode();
    }

    @SchemaMapping(typeName = "Consultation")
    List<Channel> channels(ConsultationView consultation) {
        return consultation.plan().channels();
    }

    @SchemaMapping(typeName = "Consultation")
    Instant opensAt(ConsultationView consultation) {
        return consultation.plan().opensAt();
    }

    @SchemaMapping(typeName = "Consultation")
    int quorumPercent(ConsultationView consultation) {
        return consultation.plan().quorumPercent();
    }

    @SchemaMapping(typeName = "Consultation")
    List<GroupCount> eligibleGroups(ConsultationView consultation) {
        return consultation.eligibleGroups() == null ? List.of() : consultation.eligibleGroups();
    }

    /** Unit groups leave as global ids, like every other link to a unit. */
    @SchemaMapping(typeName = "GroupCount")
    String group(GroupCount count) {
        return ControllerViews.group(count.dimension(), count.group());
    }

    @SchemaMapping(typeName = "Consultation")
    TurnoutView turnout(ConsultationView consultation) {
        Turnout turnout = queries.query(new FindTurnoutQuery(consultation.consultationId()),
                ResponseTypes.instanceOf(Turnout.class)).join();
        return ControllerViews.turnout(consultation, turnout);
    }

    @SchemaMapping(typeName = "Consultation")
    ResultView result(ConsultationView consultation) {
        ConsultationTalliedEvent tally = consultation.tally();
        return tally == null ? null : new ResultView(tally.outcome(), tally.eligibleCount(), tally.voterCount(),
                tally.voterGroups(), tally.questions(), consultation.talliedAt());
    }

    @SchemaMapping(typeName = "Consultation")
    List<InclusionView> inclusion(ConsultationView consultation) {
        return ControllerViews.inclusion(consultation, INCLUSION_DIMENSIONS);
    }

    @SchemaMapping(typeName = "Consultation")
    CompletableFuture<HistoryConnection> history(ConsultationView consultation, DataFetchingEnvironment environment) {
        return histories.page(ConsultationAggregates.CONSULTATION, consultation.consultationId(), environment);
    }

    @MutationMapping
    ConsultationPayload draftConsultation(@Argument DraftConsultationInput input) {
        String id = UUID.randomUUID().toString();
        mutations.send(new DraftConsultationCommand(id, plan(input.plan())), input);
        return new ConsultationPayload(input.clientMutationId(), readBack.of(id));
    }

    @MutationMapping
    ConsultationPayload editConsultationDraft(@Argument EditConsultationDraftInput input) {
        mutations.send(new EditConsultationDraftCommand(input.consultationId(), plan(input.plan())), input);
        return payload(input, input.consultationId());
    }

    @MutationMapping
    ConsultationPayload scheduleConsultation(@Argument ScheduleConsultationInput input) {
        mutations.send(new ScheduleConsultationCommand(input.consultationId()), input);
        return payload(input, input.consultationId());
    }

    @MutationMapping
    ConsultationPayload extendConsultation(@Argument ExtendConsultationInput input) {
        mutations.send(new ExtendConsultationCommand(input.consultationId(), input.closesAt(), input.reason()), input);
        return payload(input, input.consultationId());
    }

    @MutationMapping
    ConsultationPayload closeConsultation(@Argument CloseConsultationInput input) {
        mutations.send(new CloseConsultationCommand(input.consultationId(), input.reason()), input);
        return payload(input, input.consultationId());
    }

    @MutationMapping
    ConsultationPayload cancelConsultation(@Argument CancelConsultationInput input) {
        mutations.send(new CancelConsultationCommand(input.consultationId(), input.reason()), input);
        return payload(input, input.consultationId());
    }

    /**
     * A ballot from the portal (a member) or the field (an agent, the member present); the channel follows the
     * caller's role when the input does not name it, and the gate checks it does.
     */
    @MutationMapping
    CastBallotPayload castBallot(@Argument CastBallotInput input, DataFetchingEnvironment environment) {
        Role role = principals.of(environment.getGraphQlContext()).role();
        Channel channel = input.channel() != null ? input.channel()
                : role == Role.FIELD_AGENT ? Channel.FIELD_AGENT : Channel.PORTAL;
        List<Answer> answers = input.answers() == null ? List.of()
                : input.answers().stream().filter(Objects::nonNull).map(ConsultationInputs.BallotAnswerInput::answer).toList();
        BallotReceipt receipt = mutations.send(CastBallotCommand.of(input.consultationId(), input.memberId(), answers,
                channel, null), new WithChannel(input, channel));
        return new CastBallotPayload(input.clientMutationId(), receipt == null ? null : receipt.receipt(),
                input.consultationId());
    }

    /** Read only when asked for: a ballot's answer is its receipt, and a voting client seldom asks for more. */
    @SchemaMapping(typeName = "CastBallotPayload", field = "consultation")
    ConsultationView castBallotConsultation(Object payload) { // a refused ballot's payload is PayloadUserErrors'
        return payload instanceof CastBallotPayload cast && cast.consultationId() != null
                ? consultation(cast.consultationId()) : null;
    }

    @MutationMapping
    RecommendationPayload tagRecommendation(@Argument TagRecommendationInput input) {
        mutations.send(new TagRecommendationCommand(input.consultationId(), input.recommendationId(), input.tags()),
                input);
        readBack.of(input.consultationId());
        return new RecommendationPayload(input.clientMutationId(), input.recommendationId());
    }

    /** An input's envelope with the channel its ballot arrives through. */
    private record WithChannel(MutationEnvelope input, Channel channel) implements MutationEnvelope {
        @Override
        public String clientMutationId() {
            return input.clientMutationId();
        }
    }

    private ConsultationPayload payload(MutationEnvelope input, String consultationId) {
        return new ConsultationPayload(input.clientMutationId(), readBack.of(consultationId));
    }

    private static ConsultationPlan plan(ConsultationInputs.ConsultationPlanInput input) {
        return input == null ? null : input.plan();
    }

}
