package org.jekafo.app.membership;

import org.axonframework.common.IdentifierFactory;
import org.jekafo.api.membership.ChangeMemberPhoneCommand;
import org.jekafo.api.membership.ChangeMemberTradesCommand;
import org.jekafo.api.membership.CorrectMemberIdentityCommand;
import org.jekafo.api.membership.ErasePersonalDataCommand;
import org.jekafo.api.membership.RecordDuesPaymentCommand;
import org.jekafo.api.membership.RecordMemberDeathCommand;
import org.jekafo.api.membership.RecordMemberResignationCommand;
import org.jekafo.api.membership.RegisterMemberCommand;
import org.jekafo.api.membership.ReinstateMemberCommand;
import org.jekafo.api.membership.SuspendMemberCommand;
import org.jekafo.api.membership.TransferMemberCommand;
import org.jekafo.app.membership.MemberInputs.ChangeMemberPhoneInput;
import org.jekafo.app.membership.MemberInputs.ChangeMemberTradesInput;
import org.jekafo.app.membership.MemberInputs.CorrectMemberIdentityInput;
import org.jekafo.app.membership.MemberInputs.ErasePersonalDataInput;
import org.jekafo.app.membership.MemberInputs.RecordDuesPaymentInput;
import org.jekafo.app.membership.MemberInputs.RecordMemberDeathInput;
import org.jekafo.app.membership.MemberInputs.RecordMemberResignationInput;
import org.jekafo.app.membership.MemberInputs.RegisterMemberInput;
import org.jekafo.app.membership.MemberInputs.ReinstateMemberInput;
import org.jekafo.app.membership.MemberInputs.SuspendMemberInput;
import org.jekafo.app.membership.MemberInputs.TransferMemberInput;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.jekafo.app.platform.graphql.MutationEnvelope;
import org.jekafo.app.platform.graphql.Mutations;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.UUID;

/**
 * The membership mutations' inputs turned into commands and sent (through the gate): one place for the
 * mutations one by one and for a tablet's queued work submitted at once.
 */
@Component
class MemberCommands {

    private final Mutations mutations;

    MemberCommands(Mutations mutations) {
        this.mutations = mutations;
    }

    /** Sends the command of {@code input}; the id of the member it acted on. */
    String execute(MutationEnvelope input) {
        if (input instanceof RegisterMemberInput in) {
            return mutations.send(new RegisterMemberCommand(newMemberId(in.memberId()),
                    in.cardNumber(), in.lastName(), in.firstName(), in.gender() == null ? null : in.gender().name(),
                    in.birthYear(), in.phone(), in.nationalId(), in.trades(), in.localUnitId(),
                    Boolean.TRUE.equals(in.disability()), in.enrolledOn(),
                    Boolean.TRUE.equals(in.confirmPossibleDuplicate())), in);
        } else if (input instanceof CorrectMemberIdentityInput in) {
            return sent(new CorrectMemberIdentityCommand(in.memberId(), in.lastName(),
                    in.firstName(), in.gender() == null ? null : in.gender().name(), in.birthYear(), in.nationalId(),
                    in.disability(), in.reason()), in, in.memberId());
        } else if (input instanceof ChangeMemberPhoneInput in) {
            return sent(new ChangeMemberPhoneCommand(in.memberId(), in.phone()), in,
                    in.memberId());
        } else if (input instanceof ChangeMemberTradesInput in) {
            return sent(new ChangeMemberTradesCommand(in.memberId(), in.trades()), in,
                    in.memberId());
        } else if (input instanceof TransferMemberInput in) {
            return sent(new TransferMemberCommand(in.memberId(), in.toLocalUnitId(),
                    in.reason()), in, in.memberId());
        } else if (input instanceof SuspendMemberInput in) {
            return sent(new SuspendMemberCommand(in.memberId(), in.reason()), in, in.memberId());
        } else if (input instanceof ReinstateMemberInput in) {
            return sent(new ReinstateMemberCommand(in.memberId(), in.reason()), in,
                    in.memberId());
        } else if (input instanceof RecordMemberResignationInput in) {
            return sent(new RecordMemberResignationCommand(in.memberId(),
                    in.effectiveOn(), in.reason()), in, in.memberId());
        } else if (input instanceof RecordMemberDeathInput in) {
            return sent(new RecordMemberDeathCommand(in.memberId(), in.diedOn()), in,
                    in.memberId());
        } else if (input instanceof RecordDuesPaymentInput in) {
            return sent(new RecordDuesPaymentCommand(in.memberId(),
                    in.year() == null ? 0 : in.year(), in.amountFcfa() == null ? 0 : in.amountFcfa(),
                    in.receiptNumber(), in.paidOn()), in, in.memberId());
        } else if (input instanceof ErasePersonalDataInput in) {
            return sent(new ErasePersonalDataCommand(in.memberId(), in.reason()), in,
                    in.memberId());
        }
        throw new IllegalArgumentException("not a membership mutation: " + input.getClass());
    }

    private String sent(Object command, MutationEnvelope input, String memberId) {
        mutations.send(command, input);
        return memberId;
    }

    /** The id a client chose for a new member (a UUID, so that no two tablets choose the same), or a new one. */
    private static String newMemberId(String chosen) {
        if (chosen == null) {
            return IdentifierFactory.getInstance().generateIdentifier();
        }
        try {
            String normalised = chosen.toLowerCase(Locale.ROOT);
            if (UUID.fromString(chosen).toString().equals(normalised)) {
                return normalised;
            }
        } catch (IllegalArgumentException notAUuid) {
            // refused below
        }
        throw new InvalidInputException("INVALID_INPUT", "memberId", "L'identifiant choisi pour un nouveau membre "
                + "doit être un UUID (par ex. 3f2b6c1e-9a4d-4c1b-8e2f-1a2b3c4d5e6f).");
    }
}
