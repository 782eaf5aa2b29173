package org.jekafo.app.graphql;

import org.jekafo.api.common.Channel;
import org.jekafo.api.common.Gender;
import org.jekafo.api.orgunit.OrgUnitLevel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The GraphQL mutation inputs, bound by Spring for GraphQL; see the {@code .graphqls} files for each field. */
final class MutationInputs {

    private MutationInputs() {
    }

    /** What every mutation input carries besides its own fields. */
    interface Envelope {
        /** The channel; inputs without one come from the portal. */
        default Channel channel() {
            return Channel.PORTAL;
        }

        /** When the fact was captured, if earlier than now. */
        default Instant capturedAt() {
            return null;
        }

        String clientMutationId();
    }

    record RegisterMemberInput(String cardNumber, String lastName, String firstName, Gender gender, Integer birthYear,
                               String phone, String nationalId, List<String> trades, String localUnitId,
                               Boolean disability, LocalDate enrolledOn, Boolean confirmPossibleDuplicate,
                               Channel channel, Instant capturedAt, String clientMutationId) implements Envelope {
    }

    record CorrectMemberIdentityInput(String memberId, String lastName, String firstName, Gender gender,
                                      Integer birthYear, String nationalId, Boolean disability, String reason,
                                      Channel channel, Instant capturedAt, String clientMutationId) implements Envelope {
    }

    record ChangeMemberPhoneInput(String memberId, String phone, Channel channel, Instant capturedAt,
                                  String clientMutationId) implements Envelope {
    }

    record ChangeMemberTradesInput(String memberId, List<String> trades, Channel channel, Instant capturedAt,
                                   String clientMutationId) implements Envelope {
    }

    record TransferMemberInput(String memberId, String toLocalUnitId, String reason, Channel channel,
                               Instant capturedAt, String clientMutationId) implements Envelope {
    }

    record SuspendMemberInput(String memberId, String reason, Channel channel, Instant capturedAt,
                              String clientMutationId) implements Envelope {
    }

    record ReinstateMemberInput(String memberId, String reason, Channel channel, Instant capturedAt,
                                String clientMutationId) implements Envelope {
    }

    record RecordMemberResignationInput(String memberId, LocalDate effectiveOn, String reason, Channel channel,
                                        Instant capturedAt, String clientMutationId) implements Envelope {
    }

    record RecordMemberDeathInput(String memberId, LocalDate diedOn, Channel channel, Instant capturedAt,
                                  String clientMutationId) implements Envelope {
    }

    record RecordDuesPaymentInput(String memberId, Integer year, Integer amountFcfa, String receiptNumber,
                                  LocalDate paidOn, Channel channel, Instant capturedAt,
                                  String clientMutationId) implements Envelope {
    }

    record ErasePersonalDataInput(String memberId, String reason, Channel channel, Instant capturedAt,
                                  String clientMutationId) implements Envelope {
    }

    record CreateOrgUnitInput(String code, String name, OrgUnitLevel level, String parentId,
                              String clientMutationId) implements Envelope {
    }

    record RenameOrgUnitInput(String orgUnitId, String name, String clientMutationId) implements Envelope {
    }

    record MoveOrgUnitInput(String orgUnitId, String newParentId, String clientMutationId) implements Envelope {
    }

    record CloseOrgUnitInput(String orgUnitId, String reason, String clientMutationId) implements Envelope {
    }
}
