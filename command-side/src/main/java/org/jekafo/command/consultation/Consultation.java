package org.jekafo.command.consultation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.consultation.BallotMode;
import org.jekafo.api.consultation.CancelConsultationCommand;
import org.jekafo.api.consultation.CloseConsultationCommand;
import org.jekafo.api.consultation.ConsultationAggregates;
import org.jekafo.api.consultation.ConsultationCancelledEvent;
import org.jekafo.api.consultation.ConsultationClosedEvent;
import org.jekafo.api.consultation.ConsultationDraftEditedEvent;
import org.jekafo.api.consultation.ConsultationDraftedEvent;
import org.jekafo.api.consultation.ConsultationExtendedEvent;
import org.jekafo.api.consultation.ConsultationOpenedEvent;
import org.jekafo.api.consultation.ConsultationPlan;
import org.jekafo.api.consultation.ConsultationScheduledEvent;
import org.jekafo.api.consultation.ConsultationStatus;
import org.jekafo.api.consultation.ConsultationTalliedEvent;
import org.jekafo.api.consultation.DraftConsultationCommand;
import org.jekafo.api.consultation.EditConsultationDraftCommand;
import org.jekafo.api.consultation.ExtendConsultationCommand;
import org.jekafo.api.consultation.RecommendationTaggedEvent;
import org.jekafo.api.consultation.ScheduleConsultationCommand;
import org.jekafo.api.consultation.TagRecommendationCommand;
import org.jekafo.command.common.Require;
import org.jekafo.command.orgunit.OrgUnitDirectory;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.jekafo.command.common.RefusalCodes.ILLEGAL_STATUS_TRANSITION;
import static org.jekafo.command.common.RefusalCodes.INVALID_INPUT;
import static org.jekafo.command.common.RefusalCodes.INVALID_SCHEDULE;
import static org.jekafo.command.common.RefusalCodes.NOT_FOUND;

/**
 * A consultation: drafted and edited by its owner unit, scheduled, then opened and closed on time by itself (persisted
 * deadlines, across restarts), or closed early or cancelled with a reason; tallied once closed. Once open only its
 * closing time may move, later. Ballots are not its events: each member's participation is its own aggregate.
 */
@Aggregate(type = ConsultationAggregates.CONSULTATION) // the type stored with each event: history reads it
class Consultation {

    /** The federation's time zone (UTC+0, no daylight saving): dates of the roll and of age bands. */
    static final ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    static final String OPENING = "consultation-opening";
    static final String CLOSING = "consultation-closing";
    static final String TALLY = "consultation-tally";
    private static final TextLimit TAG = new TextLimit("tags", "Une étiquette", 40);
    private static final int MAX_TAGS = 20;

    @AggregateIdentifier
    private String consultationId;
    private String orgUnitId;
    private ConsultationPlan plan;
    private ConsultationStatus status;
    private Instant closesAt;
    private long eligibleCount;

    Consultation() {
        // for Axon
    }

    @CommandHandler
    Consultation(DraftConsultationCommand command, OrgUnitDirectory units) {
        ConsultationPlan checked = PlanInput.checked(command.plan(), units, now());
        apply(new ConsultationDraftedEvent(command.consultationId(), checked.eligibility().orgUnitId(), checked));
    }

    @CommandHandler
    void handle(EditConsultationDraftCommand command, OrgUnitDirectory units) {
        requireStatus(ConsultationStatus.DRAFT, "Seul un brouillon peut être modifié ; une consultation programmée "
                + "ou ouverte ne change plus que par prolongation de sa clôture.");
        ConsultationPlan checked = PlanInput.checked(command.plan(), units, now());
        Require.that(checked.eligibility().orgUnitId().equals(orgUnitId), INVALID_INPUT, "eligibility.orgUnitId",
                "L'unité d'une consultation ne change pas ; rédigez une nouvelle consultation pour une autre unité.");
        apply(new ConsultationDraftEditedEvent(consultationId, checked));
    }

    @CommandHandler
    void handle(ScheduleConsultationCommand command, DeadlineManager deadlines) {
        requireStatus(ConsultationStatus.DRAFT, "Seul un brouillon peut être programmé.");
        Require.that(plan.closesAt().isAfter(now()), INVALID_SCHEDULE, "closesAt",
                "La date de clôture est déjà passée ; modifiez le brouillon.");
        apply(new ConsultationScheduledEvent(consultationId, plan.opensAt(), plan.closesAt()));
        Instant opening = plan.opensAt().isAfter(now()) ? plan.opensAt() : now();
        deadlines.schedule(opening, OPENING, new ConsultationDue(consultationId));
        deadlines.schedule(plan.closesAt(), CLOSING, new ConsultationDue(consultationId));
    }

    /** Opens on time: the roll is fixed now, and counted per group (an event); a secret ballot gets its key. */
    @DeadlineHandler(deadlineName = OPENING)
    void open(ConsultationDue due, ConsultationRoll roll, BallotKeys keys) {
        if (status != ConsultationStatus.SCHEDULED) {
            return; // cancelled meanwhile, or a second delivery after an instance died mid-run
        }
        GroupCounts.Counted eligible = roll.freeze(consultationId, plan.eligibility(), today());
        String publicKey = plan.mode() == BallotMode.SECRET ? keys.create(consultationId) : null;
        apply(new ConsultationOpenedEvent(consultationId, eligible.total(), eligible.groups(), publicKey));
    }

    @CommandHandler
    void handle(ExtendConsultationCommand command, DeadlineManager deadlines) {
        Require.that(status == ConsultationStatus.SCHEDULED || status == ConsultationStatus.OPEN,
                ILLEGAL_STATUS_TRANSITION, "consultationId", "Seule une consultation programmée ou ouverte peut être "
                        + "prolongée.");
        String reason = Require.text(command.reason(), TextLimit.REASON, INVALID_INPUT,
                "Le motif de la prolongation est obligatoire.");
        Require.that(command.closesAt() != null && command.closesAt().isAfter(closesAt), INVALID_SCHEDULE, "closesAt",
                "La nouvelle clôture doit suivre l'actuelle (" + closesAt + ").");
        apply(new ConsultationExtendedEvent(consultationId, closesAt, command.closesAt(), reason));
        deadlines.cancelAllWithinScope(CLOSING);
        deadlines.schedule(command.closesAt(), CLOSING, new ConsultationDue(consultationId));
    }

    @CommandHandler
    void handle(CloseConsultationCommand command, DeadlineManager deadlines, ConsultationTiming timing) {
        requireStatus(ConsultationStatus.OPEN, "Seule une consultation ouverte peut être close.");
        String reason = Require.text(command.reason(), TextLimit.REASON, INVALID_INPUT,
                "Le motif de la clôture anticipée est obligatoire.");
        deadlines.cancelAllWithinScope(CLOSING);
        close(true, reason, deadlines, timing);
    }

    /** Closes on time; the tally follows once ballots already accepted are surely committed. */
    @DeadlineHandler(deadlineName = CLOSING)
    void closeOnTime(ConsultationDue due, DeadlineManager deadlines, ConsultationTiming timing) {
        if (status != ConsultationStatus.OPEN) {
            return;
        }
        close(false, null, deadlines, timing);
    }

    private void close(boolean early, String reason, DeadlineManager deadlines, ConsultationTiming timing) {
        apply(new ConsultationClosedEvent(consultationId, early, reason));
        deadlines.schedule(now().plus(timing.tallyGrace()), TALLY, new ConsultationDue(consultationId));
    }

    @DeadlineHandler(deadlineName = TALLY)
    void tally(ConsultationDue due, ConsultationTally tally, BallotKeys keys) {
        if (status != ConsultationStatus.CLOSED) {
            return;
        }
        ConsultationTalliedEvent result = tally.count(consultationId, plan, eligibleCount);
        apply(result);
        if (plan.mode() == BallotMode.SECRET) {
            keys.destroy(consultationId);
        }
    }

    @CommandHandler
    void handle(CancelConsultationCommand command, DeadlineManager deadlines, BallotKeys keys) {
        Require.that(status == ConsultationStatus.DRAFT || status == ConsultationStatus.SCHEDULED
                        || status == ConsultationStatus.OPEN, ILLEGAL_STATUS_TRANSITION, "consultationId",
                "Une consultation close ou dépouillée ne peut plus être annulée.");
        String reason = Require.text(command.reason(), TextLimit.REASON, INVALID_INPUT,
                "Le motif de l'annulation est obligatoire.");
        apply(new ConsultationCancelledEvent(consultationId, reason));
        deadlines.cancelAllWithinScope(OPENING);
        deadlines.cancelAllWithinScope(CLOSING);
        if (plan.mode() == BallotMode.SECRET) {
            keys.destroy(consultationId);
        }
    }

    /** The advocacy cell's tags on a recommendation of this consultation, once ballots exist (open or later). */
    @CommandHandler
    void handle(TagRecommendationCommand command, BallotBoxContents box) {
        Require.that(status == ConsultationStatus.OPEN || status == ConsultationStatus.CLOSED
                        || status == ConsultationStatus.TALLIED, ILLEGAL_STATUS_TRANSITION, "consultationId",
                "Cette consultation n'a pas de recommandations.");
        String id = Require.bounded(command.recommendationId(), TextLimit.IDENTIFIER.forField("recommendationId"));
        int separator = id == null ? -1 : id.lastIndexOf(':');
        String questionId = separator < 0 ? null : id.substring(separator + 1);
        boolean freeText = plan.questions().stream().anyMatch(q -> !q.choice() && q.questionId().equals(questionId));
        Require.that(freeText && box.holds(consultationId, id.substring(0, separator)), NOT_FOUND, "recommendationId",
                "Cette recommandation n'existe pas dans cette consultation.");
        List<String> tags = command.tags() == null ? List.of() : command.tags().stream()
                .map(tag -> Require.text(tag, TAG, INVALID_INPUT, "Une étiquette ne peut pas être vide."))
                .distinct().sorted().toList();
        Require.that(tags.size() <= MAX_TAGS, TextLimit.TOO_MANY_VALUES, "tags",
                "Une recommandation porte au plus " + MAX_TAGS + " étiquettes.");
        apply(new RecommendationTaggedEvent(consultationId, id, tags));
    }

    private void requireStatus(ConsultationStatus expected, String message) {
        Require.that(status == expected, ILLEGAL_STATUS_TRANSITION, "consultationId", message);
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    private static java.time.LocalDate today() {
        return now().atZone(BAMAKO).toLocalDate();
    }

    @EventSourcingHandler
    void on(ConsultationDraftedEvent event) {
        consultationId = event.consultationId();
        orgUnitId = event.orgUnitId();
        plan = event.plan();
        closesAt = plan.closesAt();
        status = ConsultationStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(ConsultationDraftEditedEvent event) {
        plan = event.plan();
        closesAt = plan.closesAt();
    }

    @EventSourcingHandler
    void on(ConsultationScheduledEvent event) {
        status = ConsultationStatus.SCHEDULED;
    }

    @EventSourcingHandler
    void on(ConsultationOpenedEvent event) {
        status = ConsultationStatus.OPEN;
        eligibleCount = event.eligibleCount();
    }

    @EventSourcingHandler
    void on(ConsultationExtendedEvent event) {
        closesAt = event.closesAt();
    }

    @EventSourcingHandler
    void on(ConsultationClosedEvent event) {
        status = ConsultationStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(ConsultationCancelledEvent event) {
        status = ConsultationStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(ConsultationTalliedEvent event) {
        status = ConsultationStatus.TALLIED;
    }
}
