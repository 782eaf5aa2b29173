package org.jekafo.app.consultation;

import org.jekafo.api.common.Channel;
import org.jekafo.api.consultation.CancelConsultationCommand;
import org.jekafo.api.consultation.CastBallotCommand;
import org.jekafo.api.consultation.CheckReceiptQuery;
import org.jekafo.api.consultation.CloseConsultationCommand;
import org.jekafo.api.consultation.ConsultationAggregates;
import org.jekafo.api.consultation.ConsultationFilter;
import org.jekafo.api.consultation.DraftConsultationCommand;
import org.jekafo.api.consultation.EditConsultationDraftCommand;
import org.jekafo.api.consultation.ExtendConsultationCommand;
import org.jekafo.api.consultation.FindConsultationQuery;
import org.jekafo.api.consultation.FindConsultationsQuery;
import org.jekafo.api.consultation.FindMemberParticipationQuery;
import org.jekafo.api.consultation.FindPublishedBallotsQuery;
import org.jekafo.api.consultation.FindRecommendationsQuery;
import org.jekafo.api.consultation.FindTurnoutQuery;
import org.jekafo.api.consultation.ScheduleConsultationCommand;
import org.jekafo.api.consultation.TagRecommendationCommand;
import org.jekafo.app.platform.gate.AccessPolicy;
import org.jekafo.app.platform.gate.AccessRefusedException;
import org.jekafo.app.platform.gate.AccessRules.Declarations;
import org.jekafo.app.platform.gate.AccessScope;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Reach;
import org.jekafo.app.platform.gate.Role;
import org.jekafo.command.consultation.ConsultationDirectory;
import org.jekafo.command.consultation.ConsultationEntry;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

import static org.jekafo.app.platform.gate.Role.ADMIN;
import static org.jekafo.app.platform.gate.Role.AUDITOR;
import static org.jekafo.app.platform.gate.Role.CHAPTER_OFFICER;
import static org.jekafo.app.platform.gate.Role.EXECUTIVE_BUREAU;
import static org.jekafo.app.platform.gate.Role.FIELD_AGENT;
import static org.jekafo.app.platform.gate.Role.MEMBER;
import static org.jekafo.app.platform.gate.Role.SYSTEM;

/**
 * Who may run consultations and vote. Officers run those of their section (the owner unit must be within their
 * reach), the bureau national ones; every caller reads consultations, turnout and results, and checks receipts; a
 * member votes for themself on the portal, a field agent for a member of their unit who is present (recorded as
 * assisting), the server's phone adapters (SMS, USSD) for the member they identified. Recommendations are read
 * and tagged by officers and the bureau, read by auditors.
 */
@Component
class ConsultationPolicy implements AccessPolicy {

    private static final Set<Role> EVERYONE = EnumSet.of(MEMBER, FIELD_AGENT, CHAPTER_OFFICER, EXECUTIVE_BUREAU,
            AUDITOR, ADMIN);
    private static final Set<Role> OWNERS = EnumSet.of(CHAPTER_OFFICER, EXECUTIVE_BUREAU);
    private static final Set<Role> VOTERS = EnumSet.of(MEMBER, FIELD_AGENT, SYSTEM);
    private static final Set<Role> ADVOCACY = EnumSet.of(CHAPTER_OFFICER, EXECUTIVE_BUREAU, AUDITOR);
    private static final String CONSULTATION_INPUT = "input.consultationId";

    private final ConsultationDirectory consultations;

    ConsultationPolicy(ConsultationDirectory consultations) {
        this.consultations = consultations;
    }

    @Override
    public void declare(Declarations rules) {
        rules.message(DraftConsultationCommand.class, OWNERS, Reach.unit(
                c -> c.plan() == null || c.plan().eligibility() == null ? null : c.plan().eligibility().orgUnitId(),
                "input.eligibility.orgUnitId")).exposedAs("Mutation.draftConsultation");
        rules.message(EditConsultationDraftCommand.class, OWNERS, owner(EditConsultationDraftCommand::consultationId))
                .exposedAs("Mutation.editConsultationDraft");
        rules.message(ScheduleConsultationCommand.class, OWNERS, owner(ScheduleConsultationCommand::consultationId))
                .exposedAs("Mutation.scheduleConsultation");
        rules.message(ExtendConsultationCommand.class, OWNERS, owner(ExtendConsultationCommand::consultationId))
                .exposedAs("Mutation.extendConsultation");
        rules.message(CloseConsultationCommand.class, OWNERS, owner(CloseConsultationCommand::consultationId))
                .exposedAs("Mutation.closeConsultation");
        rules.message(CancelConsultationCommand.class, OWNERS, owner(CancelConsultationCommand::consultationId))
                .exposedAs("Mutation.cancelConsultation");
        rules.message(TagRecommendationCommand.class, OWNERS, owner(TagRecommendationCommand::consultationId))
                .exposedAs("Mutation.tagRecommendation");
        rules.message(CastBallotCommand.class, VOTERS, ConsultationPolicy::ballot).exposedAs("Mutation.castBallot");

        rules.message(FindConsultationQuery.class, EVERYONE, Reach.unbounded())
                .exposedAs("Query.consultation", "Subscription.consultationTallied");
        rules.message(FindConsultationsQuery.class, EVERYONE, Reach.unbounded()).exposedAs("Query.consultations");
        rules.message(FindTurnoutQuery.class, EVERYONE, Reach.unbounded()).exposedAs("Subscription.consultationTurnout");
        rules.message(CheckReceiptQuery.class, EVERYONE, Reach.unbounded()).exposedAs("Query.checkBallotReceipt");
        rules.message(FindPublishedBallotsQuery.class, EVERYONE, Reach.unbounded()).exposedAs("Query.publishedBallots");
        rules.message(FindRecommendationsQuery.class, ADVOCACY, owner(FindRecommendationsQuery::consultationId, "consultationId"))
                .exposedAs("Query.recommendations");
        rules.message(FindMemberParticipationQuery.class, EVERYONE,
                Reach.member(FindMemberParticipationQuery::memberId, "memberId")).exposedAs("Query.myConsultations");
        rules.history(ConsultationAggregates.CONSULTATION, EVERYONE, Reach.unbounded())
                .exposedAs("Query.aggregateHistory");
    }

    /** The consultation's owner unit must be within the principal's reach; an unknown one answers "not found" later. */
    private <M> Reach<M> owner(Function<M, String> consultationId) {
        return owner(consultationId, CONSULTATION_INPUT);
    }

    private <M> Reach<M> owner(Function<M, String> consultationId, String field) {
        return (message, principal, scope) -> {
            if (!principal.role().national()) {
                String id = consultationId.apply(message);
                String unit = id == null ? null : consultations.find(id).map(ConsultationEntry::orgUnitId).orElse(null);
                if (unit != null) {
                    scope.requireUnit(principal, unit, field);
                }
            }
            return message;
        };
    }

    /**
     * Each voter through their own channel: a member on the portal for themself, an agent in the field for a member
     * of their unit (recorded as assisting, whatever the request said), the phone adapters by SMS or USSD.
     */
    private static CastBallotCommand ballot(CastBallotCommand command, ActingPrincipal principal, AccessScope scope) {
        return switch (principal.role()) {
            case MEMBER -> {
                scope.requireMember(principal, command.memberId(), "input.memberId");
                requireChannel(command, Channel.PORTAL);
                yield CastBallotCommand.of(command.consultationId(), command.memberId(), command.answers(),
                        Channel.PORTAL, null);
            }
            case FIELD_AGENT -> {
                scope.requireMember(principal, command.memberId(), "input.memberId");
                requireChannel(command, Channel.FIELD_AGENT);
                yield CastBallotCommand.of(command.consultationId(), command.memberId(), command.answers(),
                        Channel.FIELD_AGENT, principal.name());
            }
            case SYSTEM -> {
                if (command.channel() != Channel.SMS && command.channel() != Channel.USSD) {
                    throw AccessRefusedException.forbidden("input.channel",
                            "Le serveur ne vote que pour les passerelles téléphoniques (SMS, USSD).");
                }
                yield CastBallotCommand.of(command.consultationId(), command.memberId(), command.answers(),
                        command.channel(), null);
            }
            default -> throw AccessRefusedException.forbidden("input.memberId", "Ce rôle ne vote pas.");
        };
    }

    private static void requireChannel(CastBallotCommand command, Channel expected) {
        if (command.channel() != null && command.channel() != expected) {
            throw AccessRefusedException.forbidden("input.channel", "Avec ce rôle, un bulletin arrive par le canal "
                    + expected + ".");
        }
    }

}
