package org.jekafo.command.eventstore;

import org.jekafo.command.personaldata.PersonalDataKeys;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Personal data keys in memory, for tests of what the store holds rather than of the keys. */
final class MemoryKeys implements PersonalDataKeys {

    private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();

    @Override
    public SecretKey keyFor(String subjectId) {
        return keys.computeIfAbsent(subjectId, subject -> newKey());
    }

    @Override
    public void prepare(Collection<String> subjectIds) {
        subjectIds.forEach(this::keyFor);
    }

    @Override
    public Optional<SecretKey> existingKey(String subjectId) {
        return Optional.ofNullable(keys.get(subjectId));
    }

    @Override
    public void destroy(String subjectId) {
        keys.remove(subjectId);
    }

    @Override
    public boolean isDestroyed(String subjectId) {
        return false;
    }

    private static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
