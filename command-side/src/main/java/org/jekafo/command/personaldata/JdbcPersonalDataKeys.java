package org.jekafo.command.personaldata;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys in their own table, {@code personal_data_key}, written through Spring's JDBC support so that a key
 * is created and destroyed in the transaction of the command that needs it. Keys are kept in a bounded memory
 * cache only once their transaction has committed (a key of a rolled-back transaction must never be used
 * again), and evicted once an erasure has committed. A read that began before an eviction does not put its
 * key back: every eviction moves a counter, and a key is cached only if the counter has not moved since it
 * was read.
 */
@Component
class JdbcPersonalDataKeys implements PersonalDataKeys {

    static final String ALGORITHM = "AES";
    private static final int KEY_BYTES = 32;
    private static final int CACHE_SIZE = 10_000;

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKey> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SecretKey> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    /** Guarded by {@code cache}. */
    private long evictions;

    JdbcPersonalDataKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SecretKey keyFor(String subjectId) {
        return existingKey(subjectId).orElseGet(() -> create(subjectId));
    }

    @Override
    public Optional<SecretKey> existingKey(String subjectId) {
        long seen;
        synchronized (cache) {
            SecretKey cached = cache.get(subjectId);
            if (cached != null) {
                return Optional.of(cached);
            }
            seen = evictions;
        }
        List<byte[]> secrets = jdbc.query("select secret from personal_data_key where subject_id = ?",
                (rs, i) -> rs.getBytes(1), subjectId);
        if (secrets.isEmpty()) {
            return Optional.empty();
        }
        SecretKey key = new SecretKeySpec(secrets.get(0), ALGORITHM);
        rememberAfterCommit(subjectId, key, seen);
        return Optional.of(key);
    }

    @Override
    public void destroy(String subjectId) {
        jdbc.update("delete from personal_data_key where subject_id = ?", subjectId);
        evict(subjectId);
        afterCommit(() -> evict(subjectId));
    }

    /** Whether the key is in the memory cache (for tests of the caching rules). */
    boolean isCached(String subjectId) {
        synchronized (cache) {
            return cache.containsKey(subjectId);
        }
    }

    private SecretKey create(String subjectId) {
        long seen;
        synchronized (cache) {
            seen = evictions;
        }
        byte[] secret = new byte[KEY_BYTES];
        random.nextBytes(secret);
        jdbc.update("insert into personal_data_key (subject_id, secret, created_at) values (?, ?, ?)", subjectId,
                secret, Timestamp.from(Instant.now()));
        SecretKey key = new SecretKeySpec(secret, ALGORITHM);
        rememberAfterCommit(subjectId, key, seen);
        return key;
    }

    private void rememberAfterCommit(String subjectId, SecretKey key, long seenEvictions) {
        afterCommit(() -> {
            synchronized (cache) {
                if (evictions == seenEvictions) {
                    cache.put(subjectId, key);
                }
            }
        });
    }

    private void evict(String subjectId) {
        synchronized (cache) {
            cache.remove(subjectId);
            evictions++;
        }
    }

    /** Runs the action once the current transaction has committed; at once when there is no transaction. */
    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
