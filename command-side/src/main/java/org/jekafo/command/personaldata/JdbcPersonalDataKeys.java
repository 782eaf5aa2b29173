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

    /**
     * The subject's key, created if it has none. A subject's key is almost always needed first by its first
     * event (a registration), when there is none yet: so the key is offered in one statement that inserts it
     * unless one exists, and only when one does is it read.
     */
    @Override
    public SecretKey keyFor(String subjectId) {
        synchronized (cache) {
            SecretKey cached = cache.get(subjectId);
            if (cached != null) {
                return cached;
            }
        }
        return createUnlessExists(subjectId).or(() -> existingKey(subjectId)).orElseThrow(() ->
                new IllegalStateException("the personal-data key of " + subjectId + " vanished while it was read"));
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

    private Optional<SecretKey> createUnlessExists(String subjectId) {
        long seen;
        synchronized (cache) {
            seen = evictions;
        }
        byte[] secret = new byte[KEY_BYTES];
        random.nextBytes(secret);
        int inserted = jdbc.update("insert into personal_data_key (subject_id, secret, created_at) select ?, ?, ? "
                        + "where not exists (select 1 from personal_data_key where subject_id = ?)", subjectId, secret,
                Timestamp.from(Instant.now()), subjectId);
        if (inserted == 0) {
            return Optional.empty();
        }
        SecretKey key = new SecretKeySpec(secret, ALGORITHM);
        rememberAfterCommit(subjectId, key, seen);
        return Optional.of(key);
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
