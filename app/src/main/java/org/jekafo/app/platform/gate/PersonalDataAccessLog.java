package org.jekafo.app.platform.gate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The append-only journal of personal-data reads by auditors and administrators (table {@code personal_data_access}). */
@Component
public class PersonalDataAccessLog {

    /** One member's personal data read by one principal in one operation. */
    public record Access(long id, Instant accessedAt, String principal, Role role, String memberId, String operation,
                         boolean unmasked) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    PersonalDataAccessLog(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Records the reads of one request, all at once, in one transaction (or in the caller's, which commits them):
     * a page of members costs one commit, not one per member.
     */
    void record(ActingPrincipal principal, Collection<PersonalDataReads.Read> reads) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        for (PersonalDataReads.Read read : reads) {
            rows.add(new Object[]{now, principal.name(), principal.role().name(), read.memberId(), read.operation(),
                    read.unmasked()});
        }
        transaction.executeWithoutResult(status -> jdbc.batchUpdate("insert into personal_data_access (accessed_at,"
                + " principal, role, member_id, operation, unmasked) values (?, ?, ?, ?, ?, ?)", rows));
    }

    /**
     * Records that {@code principal} read these members' personal data through {@code operation} (an export: each
     * chunk journaled before it is written), in clear or masked; nothing for a role whose reads are not recorded.
     */
    public void recordReads(ActingPrincipal principal, Collection<String> memberIds, String operation,
                            boolean unmasked) {
        if (!principal.role().overseer() || memberIds.isEmpty()) {
            return;
        }
        record(principal, memberIds.stream().distinct()
                .map(memberId -> new PersonalDataReads.Read(memberId, operation, unmasked)).toList());
    }

    /** Up to {@code limit} reads before {@code beforeId} (all when null), newest first, of one member or all. */
    public List<Access> page(String memberId, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("select access_id, accessed_at, principal, role, member_id, operation,"
                + " unmasked from personal_data_access where 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (memberId != null) {
            sql.append(" and member_id = ?");
            arguments.add(memberId);
        }
        if (beforeId != null) {
            sql.append(" and access_id < ?");
            arguments.add(beforeId);
        }
        sql.append(" order by access_id desc fetch first ").append(limit).append(" rows only");
        return jdbc.query(sql.toString(), (rs, row) -> new Access(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                rs.getString(3), Role.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getBoolean(7)),
                arguments.toArray());
    }
}
