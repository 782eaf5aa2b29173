package org.jekafo.app.membership;

import org.jekafo.api.common.Channel;
import org.jekafo.api.common.Gender;
import org.jekafo.app.platform.graphql.MutationEnvelope;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The membership mutations' inputs, bound by Spring for GraphQL; see {@code membership.graphqls} for each field. */
final class MemberInputs {

    private MemberInputs() {
    }

    record RegisterMemberInput(String cardNumber, String lastName, String firstName, Gender gender, Integer birthYear,
                               String phone, String nationalId, List<String> trades, String localUnitId,
                               Boolean disability, LocalDate enrolledOn, Boolean confirmPossibleDuplicate,
                               Channel channel, Instant capturedAt, String clientMutationId,
                               String memberId) implements MutationEnvelope {
    }

    record CorrectMemberIdentityInput(String memberId, String lastName, String firstName, Gender gender,
                                      Integer birthYear, String nationalId, Boolean disability, String reason,
                                      Channel channel, Instant capturedAt, String clientMutationId,
                                      Integer expectedVersion) implements MutationEnvelope {
    }

    record ChangeMemberPhoneInput(String memberId, String phone, Channel channel, Instant capturedAt,
                                  String clientMutationId, Integer expectedVersion) implements MutationEnvelope {
    }

    record ChangeMemberTradesInput(String memberId, List<String> trades, Channel channel, Instant capturedAt,
                                   String clientMutationId, Integer expectedVersion) implements MutationEnvelope {
    }

    record TransferMemberInput(String memberId, String toLocalUnitId, String reason, Channel channel,
                               Instant capturedAt, String clientMutationId, Integer expectedVersion) implements MutationEnvelope {
    }

    record SuspendMemberInput(String memberId, String reason, Channel channel, Instant capturedAt,
                              String clientMutationId, Integer expectedVersion) implements MutationEnvelope {
    }

    record ReinstateMemberInput(String memberId, String reason, Channel channel, Instant capturedAt,
                                String clientMutationId, Integer expectedVersion) implements MutationEnvelope {
    }

    record RecordMemberResignationInput(String memberId, LocalDate effectiveOn, String reason, Channel channel,
                                        Instant capturedAt, String clientMutationId, Integer expectedVersion) implements MutationEnvelope {
    }

    record RecordMemberDeathInput(String memberId, LocalDate diedOn, Channel channel, Instant capturedAt,
                                  String clientMutationId, Integer expectedVersion) implements MutationEnvelope {
    }

    record RecordDuesPaymentInput(String memberId, Integer year, Integer amountFcfa, String receiptNumber,
                                  LocalDate paidOn, Channel channel, Instant capturedAt,
                                  String clientMutationId, Integer expectedVersion) implements MutationEnvelope {
    }

    record ErasePersonalDataInput(String memberId, String reason, Channel channel, Instant capturedAt,
                                  String clientMutationId, Integer expectedVersion) implements MutationEnvelope {
    }
}
