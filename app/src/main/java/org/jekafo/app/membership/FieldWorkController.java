package org.jekafo.app.membership;

import org.jekafo.api.common.Refusal;
import org.jekafo.api.membership.MemberView;
import org.jekafo.app.membership.MemberInputs.ChangeMemberPhoneInput;
import org.jekafo.app.membership.MemberInputs.ChangeMemberTradesInput;
import org.jekafo.app.membership.MemberInputs.CorrectMemberIdentityInput;
import org.jekafo.app.membership.MemberInputs.RecordDuesPaymentInput;
import org.jekafo.app.membership.MemberInputs.RecordMemberDeathInput;
import org.jekafo.app.membership.MemberInputs.RecordMemberResignationInput;
import org.jekafo.app.membership.MemberInputs.RegisterMemberInput;
import org.jekafo.app.membership.MemberInputs.ReinstateMemberInput;
import org.jekafo.app.membership.MemberInputs.SuspendMemberInput;
import org.jekafo.app.membership.MemberInputs.TransferMemberInput;
import org.jekafo.app.platform.gate.AccessRefusedException;
import org.jekafo.app.platform.graphql.GraphQlRefusals;
import org.jekafo.app.platform.graphql.InvalidInputException;
import org.jekafo.app.platform.graphql.MutationEnvelope;
import org.jekafo.app.platform.graphql.UserError;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** A field agent's tablet sends the work it queued offline in one request and gets one result per item. */
@Controller
class FieldWorkController {

    static final int MAX_ITEMS = 200;

    private final MemberCommands commands;
    private final MemberReadBack readBack;

    FieldWorkController(MemberCommands commands, MemberReadBack readBack) {
        this.commands = commands;
        this.readBack = readBack;
    }

    /** One queued operation: exactly one field is set ({@code @oneOf}). */
    record FieldWorkItem(RegisterMemberInput registerMember, CorrectMemberIdentityInput correctMemberIdentity,
                         ChangeMemberPhoneInput changeMemberPhone, ChangeMemberTradesInput changeMemberTrades,
                         TransferMemberInput transferMember, SuspendMemberInput suspendMember,
                         ReinstateMemberInput reinstateMember, RecordMemberResignationInput recordMemberResignation,
                         RecordMemberDeathInput recordMemberDeath, RecordDuesPaymentInput recordDuesPayment) {

        MutationEnvelope input() {
            return Stream.of(registerMember, correctMemberIdentity, changeMemberPhone, changeMemberTrades,
                    transferMember, suspendMember, reinstateMember, recordMemberResignation, recordMemberDeath,
                    recordDuesPayment).filter(Objects::nonNull).map(MutationEnvelope.class::cast).findFirst()
                    .orElseThrow();
        }
    }

    record SubmitFieldWorkInput(List<FieldWorkItem> items) {
    }

    record FieldWorkResult(int index, String clientMutationId, String memberId, List<UserError> userErrors) {
    }

    record SubmitFieldWorkPayload(List<FieldWorkResult> results) {
    }

    @MutationMapping
    SubmitFieldWorkPayload submitFieldWork(@Argument SubmitFieldWorkInput input) {
        if (input.items().size() > MAX_ITEMS) {
            throw new InvalidInputException("TOO_MANY_VALUES", "items", "Une file compte au plus " + MAX_ITEMS
                    + " opérations : envoyez la suite dans une autre requête.");
        }
        List<FieldWorkResult> results = new ArrayList<>();
        for (int index = 0; index < input.items().size(); index++) {
            results.add(apply(index, input.items().get(index).input()));
        }
        return new SubmitFieldWorkPayload(results);
    }

    /** One item, on its own: its refusal (or the gate's) is its result, never the batch's. */
    private FieldWorkResult apply(int index, MutationEnvelope item) {
        List<String> path = List.of("input", "items", String.valueOf(index));
        if (item.clientMutationId() == null || item.clientMutationId().isBlank()) {
            return new FieldWorkResult(index, null, null, UserError.of(new Refusal("INVALID_INPUT", "clientMutationId",
                    "Chaque opération d'une file porte son identifiant (clientMutationId), qui rend sa reprise sans "
                            + "effet."), path));
        }
        try {
            return new FieldWorkResult(index, item.clientMutationId(), commands.execute(item), List.of());
        } catch (RuntimeException failure) {
            Refusal refusal = AccessRefusedException.isCause(failure) ? GraphQlRefusals.accessRefusalIn(failure)
                    : GraphQlRefusals.userFixable(failure);
            if (refusal == null) {
                throw failure;
            }
            return new FieldWorkResult(index, item.clientMutationId(), null, UserError.of(refusal, path));
        }
    }

    @SchemaMapping(typeName = "FieldWorkResult")
    MemberView member(FieldWorkResult result) {
        return result.memberId() == null ? null : readBack.of(result.memberId());
    }
}
