package org.jekafo.command.membership;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jekafo.api.membership.MemberDeathRecordedEvent;
import org.jekafo.api.common.PersonalData;
import org.jekafo.api.membership.MemberIdentityCorrectedEvent;
import org.jekafo.api.membership.MemberPersonalDataErasedEvent;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberReinstatedEvent;
import org.jekafo.api.membership.MemberResignedEvent;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.membership.MemberTradesChangedEvent;
import org.jekafo.api.membership.MemberSuspendedEvent;
import org.jekafo.api.membership.MemberTransferredEvent;
import org.jekafo.api.orgunit.OrgUnitCreatedEvent;
import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.command.common.CommandRefusedException;
import org.jekafo.command.common.RefusalCodes;
import org.jekafo.command.personaldata.DeadRowCleaner;
import org.jekafo.command.personaldata.PersonalDataKeys;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.jekafo.command.common.WrittenWithTheEvents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * Members as the command side needs them: one row per member in {@code member_directory}, whose unique
 * constraints enforce the unique card number and national ID. Its handlers run in a subscribing processor,
 * inside the transaction that appends the event: when two requests race for the same card number, the second
 * insert fails and its whole command is refused with nothing stored. An erasure of personal data destroys the
 * member's key and wipes its name key and national ID here, in the same transaction. A new row is unconfirmed
 * until {@link MemberDirectoryReconciliation} reads its event back from the event store.
 */
@Component
@WrittenWithTheEvents
@ProcessingGroup(JdbcMemberDirectory.PROCESSING_GROUP)
class JdbcMemberDirectory implements MemberDirectory {

    static final String PROCESSING_GROUP = "member-directory";
    private static final Pattern CARD = Pattern.compile("([A-Z]+)-(\\d+)");
    /** The constraints' names, as both databases report them in a violation's message (H2 in capitals). */
    private static final String CARD_CONSTRAINT = "uk_member_card_number";
    private static final String NATIONAL_ID_CONSTRAINT = "uk_member_national_id";

    /** The key of this transaction's allocated card numbers among its resources. */
    private final Object allocatedNumbers = new Object();
    private final JdbcTemplate jdbc;
    private final PersonalDataKeys keys;
    private final DeadRowCleaner cleaner;

    JdbcMemberDirectory(JdbcTemplate jdbc, PersonalDataKeys keys, DeadRowCleaner cleaner) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.cleaner = cleaner;
    }

    @Override
    public Optional<String> memberWithCardNumber(String cardNumber) {
        return jdbc.queryForList("select member_id from member_directory where card_number = ?", String.class, cardNumber)
                .stream().findFirst();
    }

    @Override
    public Optional<String> memberWithNationalId(String nationalId) {
        return jdbc.queryForList("select member_id from member_directory where national_id = ?", String.class,
                nationalId).stream().findFirst();
    }

    @Override
    public Optional<String> localUnitOf(String memberId) {
        return jdbc.queryForList("select local_unit_id from member_directory where member_id = ?", String.class, memberId)
                .stream().findFirst();
    }

    @Override
    public List<String> possibleDuplicates(String nameKey, String localUnitId) {
        return jdbc.queryForList("select member_id from member_directory where name_key = ? and local_unit_id = ?",
                String.class, nameKey, localUnitId);
    }

    /**
     * One statement instead of four (one round trip on PostgreSQL): registrations are the import's hot path
     * (README, Performance). A plain SELECT, not a UNION: H2 caches the plan of the one and re-parses the
     * other at every call. A value not asked about is a constant null, not a parameter: H2 would otherwise
     * walk every member without a national ID in that column's index, looking for a match to null.
     */
    @Override
    public Clashes clashes(String memberId, String cardNumber, String nationalId, String nameKey, String localUnitId) {
        List<Object> arguments = new ArrayList<>(5);
        String sql = "select " + holder("member_id", memberId, arguments) + ", "
                + holder("card_number", cardNumber, arguments) + ", "
                + holder("national_id", nationalId, arguments) + ","
                + " array(select member_id from member_directory where name_key = ? and local_unit_id = ?)";
        arguments.add(nameKey);
        arguments.add(localUnitId);
        return jdbc.queryForObject(sql, (rs, i) -> new Clashes(rs.getString(1) != null,
                Optional.ofNullable(rs.getString(2)), Optional.ofNullable(rs.getString(3)), memberIds(rs.getArray(4))),
                arguments.toArray());
    }

    private static String holder(String column, String value, List<Object> arguments) {
        if (value == null) {
            return "null";
        }
        arguments.add(value);
        return "(select member_id from member_directory where " + column + " = ?)";
    }

    private static List<String> memberIds(Array ids) throws SQLException {
        try {
            return Arrays.stream((Object[]) ids.getArray()).map(String.class::cast).toList();
        } finally {
            ids.free();
        }
    }

    /**
     * Takes the region's counter (its row stays locked until commit, so concurrent assignments in one region
     * queue up) and moves it past any card number of the region given explicitly in the meantime: those do
     * not touch the counter, so registrations with a card number never wait for each other.
     */
    @Override
    public String allocateCardNumber(String regionCode) {
        int updated = jdbc.update("update card_number_counter set last_number = last_number + 1 where prefix = ?",
                regionCode);
        if (updated == 0) {
            throw new IllegalStateException("no card number counter for region " + regionCode);
        }
        long next = jdbc.queryForObject("select last_number from card_number_counter where prefix = ?", Long.class,
                regionCode);
        String highestGiven = jdbc.queryForObject("select max(card_number) from member_directory "
                + "where card_number > ? and card_number < ?", String.class, regionCode + "-", regionCode + "-A");
        if (highestGiven != null) {
            Matcher card = CARD.matcher(highestGiven);
            if (card.matches() && Long.parseLong(card.group(2)) >= next) {
                next = Long.parseLong(card.group(2)) + 1;
                jdbc.update("update card_number_counter set last_number = ? where prefix = ?", next, regionCode);
            }
        }
        String allocated = String.format("%s-%06d", regionCode, next);
        allocatedInThisTransaction().ifPresent(numbers -> numbers.add(allocated));
        return allocated;
    }

    /**
     * The card numbers this transaction allocated (not given): when one turns out taken at insert, another
     * transaction gave it explicitly while this one ran (a census line with that number, on another instance);
     * the command is refused as a race, which its sender retries with the next number.
     */
    @SuppressWarnings("unchecked")
    private Optional<Set<String>> allocatedInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        Object bound = TransactionSynchronizationManager.getResource(allocatedNumbers);
        if (bound == null) {
            bound = new HashSet<String>();
            TransactionSynchronizationManager.bindResource(allocatedNumbers, bound);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(allocatedNumbers);
                }
            });
        }
        return Optional.of((Set<String>) bound);
    }

    @EventHandler
    void on(OrgUnitCreatedEvent event) {
        if (event.level() == OrgUnitLevel.REGIONAL) {
            jdbc.update("insert into card_number_counter (prefix, last_number) values (?, 0)", event.code());
        }
    }

    @EventHandler
    void on(MemberRegisteredEvent event) {
        try {
            jdbc.update("insert into member_directory (member_id, card_number, national_id, name_key, local_unit_id, "
                            + "status, confirmed, written_at, gender, disability, birth_year, trades, enrolled_on) "
                            + "values (?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?)", event.memberId(),
                    event.cardNumber(), event.nationalId(), NameKey.of(event.lastName(), event.firstName(),
                            event.birthYear()), event.localUnitId(), MemberStatus.ACTIVE.name(), Timestamp.from(Instant.now()),
                    event.gender() == null ? null : event.gender().name(), event.disability(), event.birthYear(),
                    MemberAttributes.trades(event.trades()),
                    event.enrolledOn() == null ? null : java.sql.Date.valueOf(event.enrolledOn()));
        } catch (DuplicateKeyException race) {
            RuntimeException refusal = refusal(race, event.cardNumber(), event.nationalId());
            boolean allocatedHere = allocatedInThisTransaction().map(numbers -> numbers.contains(event.cardNumber()))
                    .orElse(false);
            throw allocatedHere && refusal instanceof CommandRefusedException refused
                    && RefusalCodes.DUPLICATE_CARD_NUMBER.equals(refused.refusal().code())
                    ? MemberDirectory.cardNumberRace(event.cardNumber()) : refusal;
        }
    }

    @EventHandler
    void on(MemberIdentityCorrectedEvent event) {
        try {
            jdbc.update("update member_directory set name_key = ?, national_id = ?, gender = ?, disability = ?, "
                            + "birth_year = ? where member_id = ?",
                    NameKey.of(event.lastName(), event.firstName(), event.birthYear()), event.nationalId(),
                    event.gender() == null ? null : event.gender().name(), event.disability(), event.birthYear(),
                    event.memberId());
        } catch (DuplicateKeyException race) {
            throw refusal(race, null, event.nationalId());
        }
    }

    @EventHandler
    void on(MemberTransferredEvent event) {
        jdbc.update("update member_directory set local_unit_id = ? where member_id = ?", event.toLocalUnitId(),
                event.memberId());
    }

    @EventHandler
    void on(MemberTradesChangedEvent event) {
        jdbc.update("update member_directory set trades = ? where member_id = ?", MemberAttributes.trades(event.trades()),
                event.memberId());
    }

    @EventHandler
    void on(MemberSuspendedEvent event) {
        status(event.memberId(), MemberStatus.SUSPENDED);
    }

    @EventHandler
    void on(MemberReinstatedEvent event) {
        status(event.memberId(), MemberStatus.ACTIVE);
    }

    @EventHandler
    void on(MemberResignedEvent event) {
        status(event.memberId(), MemberStatus.RESIGNED);
    }

    @EventHandler
    void on(MemberDeathRecordedEvent event) {
        status(event.memberId(), MemberStatus.DECEASED);
    }

    @EventHandler
    void on(MemberPersonalDataErasedEvent event) {
        keys.destroy(event.memberId());
        jdbc.update("update member_directory set name_key = ?, national_id = null, birth_year = null where member_id = ?",
                PersonalData.ERASED, event.memberId());
        cleaner.cleanAfterCommit("personal_data_key", "member_directory");
    }

    private void status(String memberId, MemberStatus status) {
        jdbc.update("update member_directory set status = ? where member_id = ?", status.name(), memberId);
    }

    /** The refusal a lost race for a card number or national ID deserves, told apart by the constraint's name. */
    private static RuntimeException refusal(DuplicateKeyException race, String cardNumber, String nationalId) {
        String message = String.valueOf(race.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
        if (cardNumber != null && message.contains(CARD_CONSTRAINT)) {
            return MemberDirectory.cardNumberTaken(cardNumber);
        }
        if (nationalId != null && message.contains(NATIONAL_ID_CONSTRAINT)) {
            return MemberDirectory.nationalIdTaken(nationalId);
        }
        return race;
    }
}
