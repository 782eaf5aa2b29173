package org.jekafo.command.consultation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.Repository;
import org.jekafo.api.consultation.Answer;
import org.jekafo.api.consultation.BallotCastEvent;
import org.jekafo.api.consultation.BallotMode;
import org.jekafo.api.consultation.BallotReceipt;
import org.jekafo.api.consultation.CastBallotCommand;
import org.jekafo.api.consultation.ConsultationStatus;
import org.jekafo.api.consultation.ParticipationRecordedEvent;
import org.jekafo.api.consultation.Participations;
import org.jekafo.api.consultation.Question;
import org.jekafo.api.consultation.SecretBallotDepositedEvent;
import org.jekafo.api.consultation.VoterGroup;
import org.jekafo.command.common.CommandRefusedException;
import org.jekafo.command.common.Require;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.jekafo.command.common.RefusalCodes.ALREADY_VOTED;
import static org.jekafo.command.common.RefusalCodes.CHANNEL_NOT_ALLOWED;
import static org.jekafo.command.common.RefusalCodes.CONSULTATION_NOT_OPEN;
import static org.jekafo.command.common.RefusalCodes.INVALID_INPUT;
import static org.jekafo.command.common.RefusalCodes.NOT_ELIGIBLE;
import static org.jekafo.command.common.RefusalCodes.NOT_FOUND;

/**
 * Takes ballots, from every channel the same way: the consultation must be open and before its closing time, the
 * channel allowed, the answers valid, the member on the roll and not yet voted. An open ballot is one attributable
 * event; a secret one is two, in two aggregates: the participation (who) and the sealed ballot (what, encrypted,
 * under a random identifier, without its sender's metadata).
 */
@Component
class BallotBox {

    private final Repository<Participation> participations;
    private final Repository<SecretBallot> secretBallots;
    private final ConsultationDirectory consultations;
    private final ConsultationRoll roll;
    private final BallotKeys keys;

    BallotBox(@Qualifier("participationRepository") Repository<Participation> participations,
              @Qualifier("secretBallotRepository") Repository<SecretBallot> secretBallots,
              ConsultationDirectory consultations, ConsultationRoll roll, BallotKeys keys) {
        this.participations = participations;
        this.secretBallots = secretBallots;
        this.consultations = consultations;
        this.roll = roll;
        this.keys = keys;
    }

    @CommandHandler
    BallotReceipt handle(CastBallotCommand command) throws Exception {
        Require.that(command.consultationId() != null && command.memberId() != null, INVALID_INPUT, "consultationId",
                "La consultation et le membre sont obligatoires.");
        Require.that(Participations.id(command.consultationId(), command.memberId())
                .equals(command.participationId()), INVALID_INPUT, "participationId",
                "L'identifiant de participation ne correspond pas au membre et à la consultation.");
        ConsultationEntry consultation = consultations.find(command.consultationId()).orElseThrow(() ->
                new CommandRefusedException(NOT_FOUND, "consultationId", "Cette consultation n'existe pas."));
        Instant now = GenericEventMessage.clock.instant();
        Require.that(consultation.status() == ConsultationStatus.OPEN && now.isBefore(consultation.closesAt()),
                CONSULTATION_NOT_OPEN, "consultationId", "Cette consultation n'est pas ouverte au vote.");
        Require.that(consultation.plan().channels().contains(command.channel()), CHANNEL_NOT_ALLOWED, "channel",
                "Cette consultation ne reçoit pas de bulletin par ce canal.");
        List<Answer> answers = BallotInput.checked(consultation.plan().questions(), command.answers());
        if (!roll.markVoted(command.consultationId(), command.memberId())) {
            boolean onRoll = roll.voted(command.consultationId(), command.memberId()).isPresent();
            throw onRoll ? new CommandRefusedException(ALREADY_VOTED, "memberId",
                    "Ce membre a déjà voté à cette consultation ; un seul bulletin compte.")
                    : new CommandRefusedException(NOT_ELIGIBLE, "memberId",
                    "Ce membre ne figure pas parmi les votants de cette consultation (fixés à son ouverture).");
        }
        LocalDate today = now.atZone(Consultation.BAMAKO).toLocalDate();
        VoterGroup voter = roll.voterGroupNow(command.memberId(), today);
        if (consultation.plan().mode() == BallotMode.OPEN) {
            participations.newInstance(() -> new Participation(new BallotCastEvent(command.participationId(),
                    command.consultationId(), command.memberId(), command.channel(), command.assistedBy(), answers,
                    voter)));
            return new BallotReceipt(command.participationId(), null);
        }
        List<Question> choices = consultation.plan().questions().stream().filter(Question::choice).toList();
        BallotKeys.Sealed sealed = keys.seal(consultation, choices, answers);
        List<Answer> recommendations = answers.stream().filter(a -> a.text() != null).toList();
        participations.newInstance(() -> new Participation(new ParticipationRecordedEvent(command.participationId(),
                command.consultationId(), command.memberId(), command.channel(), command.assistedBy())));
        secretBallots.newInstance(() -> new SecretBallot(new SecretBallotDepositedEvent(UUID.randomUUID().toString(),
                command.consultationId(), sealed.ballot(), sealed.receipt(), voter, recommendations)));
        return new BallotReceipt(command.participationId(), sealed.receipt());
    }
}
