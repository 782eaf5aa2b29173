package org.jekafo.command.personaldata;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys in their own table, {@code personal_data_key}.
 *
 * <p><b>Created first, on their own connection.</b> A new key is inserted and committed through
 * {@code committedWrites}, a connection of its own, before the event that needs it is stored: the event store
 * (the same database, or Axon Server, which commits independently) can then never hold an event whose key is
 * not there yet, and a projection on any instance finds the key of every event it reads.
 *
 * <p><b>Erased is a row, not an absence.</b> Destroying a key empties its secret and stamps
 * {@code destroyed_at}, in the transaction of the erasure. A subject with no row is not erased: reading its
 * data fails ({@link MissingPersonalDataKeyException}) rather than showing it as erased.
 *
 * <p><b>No key outlives its transaction in memory.</b> Another instance may destroy a key at any moment; a
 * key is therefore remembered only for the rest of the current transaction (a projection's batch, a command),
 * and read again from the table by the next one.
 */
class JdbcPersonalDataKeys implements PersonalDataKeys {

    static final String ALGORITHM = "AES";
    private static final int KEY_BYTES = 32;
    private static final String INSERT_UNLESS_EXISTS = "insert into personal_data_key (subject_id, secret, created_at) "
            + "select ?, ?, ? where not exists (select 1 from personal_data_key where subject_id = ?)";

    private final JdbcTemplate jdbc;
    private final DataSource committedWrites;
    private final SecureRandom random = new SecureRandom();
    /** The key of this object's per-transaction memory among the transaction's resources. */
    private final Object transactionMemory = new Object();

    /**
     * @param jdbc            reads and erasures, in the current transaction
     * @param committedWrites where new keys are inserted and committed at once: not the connection of the
     *                        current transaction (a pool of its own in the application)
     */
    JdbcPersonalDataKeys(JdbcTemplate jdbc, DataSource committedWrites) {
        this.jdbc = jdbc;
        this.committedWrites = committedWrites;
    }

    @Override
    public SecretKey keyFor(String subjectId) {
        Optional<Optional<SecretKey>> known = read(subjectId);
        if (known.isPresent()) {
            return known.get().orElseThrow(() -> new IllegalStateException(
                    "the personal data of " + subjectId + " was erased: nothing can be encrypted for it any more"));
        }
        prepare(List.of(subjectId));
        return read(subjectId).flatMap(key -> key).orElseThrow(() -> new IllegalStateException(
                "the personal-data key of " + subjectId + " was destroyed while it was created"));
    }

    @Override
    public void prepare(Collection<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = committedWrites.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT_UNLESS_EXISTS)) {
                for (String subjectId : subjectIds) {
                    byte[] secret = new byte[KEY_BYTES];
                    random.nextBytes(secret);
                    insert.setString(1, subjectId);
                    insert.setBytes(2, secret);
                    insert.setTimestamp(3, now);
                    insert.setString(4, subjectId);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store new personal-data keys", e);
        }
    }

    @Override
    public Optional<SecretKey> existingKey(String subjectId) {
        return read(subjectId).orElseThrow(() -> new MissingPersonalDataKeyException(subjectId));
    }

    @Override
    public void destroy(String subjectId) {
        Timestamp now = Timestamp.from(Instant.now());
        int emptied = jdbc.update("update personal_data_key set secret = null, destroyed_at = ? "
                + "where subject_id = ? and destroyed_at is null", now, subjectId);
        if (emptied == 0) {
            jdbc.update("insert into personal_data_key (subject_id, secret, created_at, destroyed_at) select ?, null, ?, ? "
                    + "where not exists (select 1 from personal_data_key where subject_id = ?)", subjectId, now, now, subjectId);
        }
        memory().ifPresent(keys -> keys.put(subjectId, Optional.empty()));
    }

    @Override
    public boolean isDestroyed(String subjectId) {
        return read(subjectId).map(Optional::isEmpty).orElse(false);
    }

    /**
     * What the table says of the subject: empty when it has no row; an empty key when it was destroyed.
     * Remembered for the rest of the current transaction.
     */
    private Optional<Optional<SecretKey>> read(String subjectId) {
        Optional<Map<String, Optional<SecretKey>>> memory = memory();
        Optional<SecretKey> remembered = memory.map(keys -> keys.get(subjectId)).orElse(null);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        List<Optional<SecretKey>> rows = jdbc.query("select secret from personal_data_key where subject_id = ?",
                (rs, i) -> Optional.ofNullable(rs.getBytes(1)).map(secret -> (SecretKey) new SecretKeySpec(secret, ALGORITHM)),
                subjectId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        memory.ifPresent(keys -> keys.put(subjectId, rows.get(0)));
        return Optional.of(rows.get(0));
    }

    /** The current transaction's memory of keys; none outside a transaction. */
    @SuppressWarnings("unchecked")
    private Optional<Map<String, Optional<SecretKey>>> memory() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        Object bound = TransactionSynchronizationManager.getResource(transactionMemory);
        if (bound != null) {
            return Optional.of((Map<String, Optional<SecretKey>>) bound);
        }
        Map<String, Optional<SecretKey>> keys = new HashMap<>();
        TransactionSynchronizationManager.bindResource(transactionMemory, keys);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(transactionMemory);
            }
        });
        return Optional.of(keys);
    }
}
