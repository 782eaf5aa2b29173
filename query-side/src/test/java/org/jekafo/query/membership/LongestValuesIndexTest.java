package org.jekafo.query.membership;

import org.jekafo.api.common.Gender;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.membership.DuesPaymentRecordedEvent;
import org.jekafo.api.membership.MemberIdentityCorrectedEvent;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberReinstatedEvent;
import org.jekafo.api.membership.MemberResignedEvent;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.membership.MemberSuspendedEvent;
import org.jekafo.api.membership.MemberTransferredEvent;
import org.jekafo.api.membership.MemberView;
import org.jekafo.api.trade.Trade;
import org.jekafo.api.trade.TradeCatalog;
import org.jekafo.query.EventBatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jekafo.query.membership.Members.at;
import static org.jekafo.query.membership.Members.filter;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_03;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_05;

/**
 * Every text field at the longest value the commands accept ({@link TextLimit}), written in 4-byte UTF-8
 * characters (Adlam, the script of Fula), goes through every member event into the real index and stays
 * searchable: the mapping can refuse nothing the command side lets through.
 */
class LongestValuesIndexTest {

    private static final String MEMBER = "m-longest";
    /** ADLAM SMALL LETTER ALIF: a letter (names fold and search on it) taking 4 bytes in UTF-8. */
    private static final String FOUR_BYTES = "\uD83A\uDD22";

    private Members members;

    @BeforeEach
    void memberWithTheLongestValuesThroughEveryEvent() {
        members = Members.fresh();
        List<String> trades = TradeCatalog.all().stream().map(Trade::code).limit(TextLimit.MAX_TRADES).toList();
        members.register(new MemberRegisteredEvent(MEMBER, "KAY-999999", longest(TextLimit.LAST_NAME),
                longest(TextLimit.FIRST_NAME), Gender.F, 1985, "+22376123456", "42933751431545Y", trades, SEGOU_03,
                true, LocalDate.of(2024, 3, 1), false));
        EventBatch.handle(() -> {
            members.projection.on(new MemberIdentityCorrectedEvent(MEMBER, longest(TextLimit.LAST_NAME),
                    longest(TextLimit.FIRST_NAME), Gender.F, 1986, "42933751431545Y", true, longest(TextLimit.REASON)),
                    1, at(1));
            members.projection.on(new MemberTransferredEvent(MEMBER, SEGOU_03, SEGOU_05, longest(TextLimit.REASON)),
                    2, at(2));
            members.projection.on(new DuesPaymentRecordedEvent(MEMBER, 2025, 5_000,
                    longest(TextLimit.RECEIPT_NUMBER), LocalDate.of(2025, 1, 15)), 3, at(3));
            members.projection.on(new MemberSuspendedEvent(MEMBER, longest(TextLimit.REASON)), 4, at(4));
            members.projection.on(new MemberReinstatedEvent(MEMBER, MemberStatus.SUSPENDED, longest(TextLimit.REASON)),
                    5, at(5));
            members.projection.on(new MemberResignedEvent(MEMBER, LocalDate.of(2025, 2, 1), longest(TextLimit.REASON)),
                    6, at(6));
        });
        members.refresh();
    }

    private static String longest(TextLimit limit) {
        return FOUR_BYTES.repeat(limit.max());
    }

    @Test
    void longestValuesInFourByteCharactersAreAllInTheIndex() {
        MemberView member = members.get(MEMBER);

        assertThat(member.version()).isEqualTo(6);
        assertThat(member.lastName()).isEqualTo(longest(TextLimit.LAST_NAME));
        assertThat(member.statusReason()).isEqualTo(longest(TextLimit.REASON));
        assertThat(member.statusReason().getBytes(StandardCharsets.UTF_8)).hasSize(4 * TextLimit.REASON.max());
        assertThat(member.dues()).singleElement()
                .satisfies(payment -> assertThat(payment.receiptNumber()).isEqualTo(longest(TextLimit.RECEIPT_NUMBER)));
        assertThat(member.trades()).hasSize(Math.min(TextLimit.MAX_TRADES, TradeCatalog.all().size()));
    }

    @Test
    void memberWithTheLongestNameIsFoundByTheLongestNameSearchAllows() {
        String search = longest(TextLimit.FILTER_NAME);

        assertThat(members.idsMatching(filter(c -> c.name = search))).containsExactly(MEMBER);
    }
}
