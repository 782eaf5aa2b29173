package org.jekafo.api.consultation;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The identifier of a member's participation in a consultation: the same for every attempt, from every channel. */
public final class Participations {

    private Participations() {
    }

    public static String id(String consultationId, String memberId) {
        return UUID.nameUUIDFromBytes(("participation:" + consultationId + ":" + memberId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
