package org.jekafo.app.security;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The personal-data reads of one GraphQL request, gathered while it runs and recorded before it answers. */
final class PersonalDataReads {

    /** A member's personal data read by an operation; {@code unmasked} if phone or national ID came in clear. */
    record Read(String memberId, String operation, boolean unmasked) {
    }

    private final Map<String, Read> reads = new ConcurrentHashMap<>();
    private volatile ActingPrincipal reader;

    void add(ActingPrincipal reader, String memberId, String operation, boolean unmasked) {
        this.reader = reader;
        reads.merge(memberId + '\u0000' + operation, new Read(memberId, operation, unmasked),
                (before, now) -> before.unmasked() ? before : now);
    }

    /** Who read; null while nothing was read. */
    ActingPrincipal reader() {
        return reader;
    }

    Collection<Read> all() {
        return reads.values();
    }
}
