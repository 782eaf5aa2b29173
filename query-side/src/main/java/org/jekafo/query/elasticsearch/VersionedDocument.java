package org.jekafo.query.elasticsearch;

/**
 * A projected document that remembers the sequence number of the last event of its aggregate applied to it.
 * An event at or below that number has been applied already and is skipped.
 */
public abstract class VersionedDocument {
    public long version = -1;

    /** The Elasticsearch id of this document: its aggregate's id. */
    public abstract String documentId();
}
