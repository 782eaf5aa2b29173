package org.jekafo.api.common;

/**
 * Names of the metadata entries every command and event carries. They are part of the stored contract:
 * renaming one makes history unreadable.
 */
public final class MetadataKeys {
    /** Who acted: a user name, a member card number, or {@code system}. */
    public static final String PRINCIPAL = "principal";
    /** The role the principal acted in (EXECUTIVE_BUREAU, FIELD_AGENT, …). */
    public static final String ROLE = "role";
    /** One of {@link Channel}. */
    public static final String CHANNEL = "channel";
    /** Identifier shared by every message that stems from one request. */
    public static final String CORRELATION_ID = "correlationId";
    /** Identifier of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** Identifier chosen by the client for this command; a retry with the same identifier is harmless. */
    public static final String CLIENT_COMMAND_ID = "clientCommandId";
    /** When the fact was captured (a field agent's tablet may send it hours later), ISO-8601 instant. */
    public static final String CAPTURED_AT = "capturedAt";

    /**
     * The version (sequence of the last event) of the aggregate the sender saw when it decided the command: the
     * command is refused with {@code VERSION_CONFLICT} if the aggregate has changed since (an offline tablet's edit).
     */
    public static final String EXPECTED_VERSION = "expectedVersion";

    private MetadataKeys() {
    }
}
