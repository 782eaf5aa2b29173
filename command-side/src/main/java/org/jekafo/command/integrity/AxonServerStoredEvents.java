package org.jekafo.command.integrity;

import com.google.protobuf.CodedOutputStream;
import io.axoniq.axonserver.connector.event.AggregateEventStream;
import io.axoniq.axonserver.connector.event.EventChannel;
import io.axoniq.axonserver.connector.event.EventStream;
import io.axoniq.axonserver.grpc.event.Event;
import io.axoniq.axonserver.grpc.event.EventWithToken;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.jekafo.integrity.ChainLink;
import org.jekafo.integrity.ReadAhead;
import org.jekafo.integrity.StoredEvent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Axon Server's event store, read through its event channel as Axon Server holds the events: the global index is
 * Axon Server's token (dense from 0), and each {@link Event} becomes a {@link StoredEvent} of its message
 * identifier, aggregate identifier, sequence number and type (empty for an event of no aggregate), payload type
 * and revision, timestamp (its milliseconds as {@link Instant#toString}), payload data bytes, and metadata as
 * {@link #metaData canonical bytes}. Nothing is deserialized.
 *
 * <p>One aggregate is read from Axon Server's aggregate stream (what loading the aggregate reads), which carries no
 * token: each event's token is its chain row's once the global stream is seen to hold that event there, else the
 * global stream is searched for it from the previous event's token on.
 */
final class AxonServerStoredEvents implements StoredEvents {

    private static final int BUFFER = 1000;
    private static final long TIMEOUT_SECONDS = 30;

    private final AxonServerConnectionManager connections;
    private final EventChain chain;

    AxonServerStoredEvents(AxonServerConnectionManager connections, EventChain chain) {
        this.connections = connections;
        this.chain = chain;
    }

    @Override
    public List<StoredEvent> after(long globalIndex, int limit) {
        List<StoredEvent> batch = new ArrayList<>(Math.min(limit, BUFFER));
        try (Reader<StoredEvent> events = read(globalIndex + 1, Math.min(lastToken(), globalIndex + limit))) {
            events.forEachRemaining(batch::add);
        }
        return batch;
    }

    @Override
    public Reader<StoredEvent> between(Connection connection, long from, long to) {
        return read(Math.max(from, 0), Math.min(to, lastToken()));
    }

    @Override
    public Set<String> aggregateTypes(String aggregateIdentifier) {
        return aggregate(aggregateIdentifier).stream().map(Event::getAggregateType).collect(Collectors.toSet());
    }

    @Override
    public Reader<StoredEvent> ofAggregate(Connection connection, String aggregateIdentifier) throws SQLException {
        Map<String, Long> chainedAt = new HashMap<>();
        try (Cursor<ChainLink> links = chain.ofAggregate(connection, aggregateIdentifier)) {
            links.forEachRemaining(link -> chainedAt.put(link.eventIdentifier(), link.globalIndex()));
        }
        List<StoredEvent> events = new ArrayList<>();
        long from = 0;
        for (Event event : aggregate(aggregateIdentifier)) {
            long token = tokenOf(event.getMessageIdentifier(), chainedAt.get(event.getMessageIdentifier()), from);
            events.add(stored(token, event));
            from = token + 1;
        }
        return Reader.of(events);
    }

    /**
     * The canonical bytes of an event's metadata: the protobuf encoding of an {@link Event} holding nothing but
     * its {@code meta_data} map, entries in key order (protobuf's deterministic serialization); no bytes when empty.
     */
    static byte[] metaData(Event event) {
        Event metaDataOnly = Event.newBuilder().putAllMetaData(event.getMetaDataMap()).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(metaDataOnly.getSerializedSize());
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.useDeterministicSerialization();
        try {
            metaDataOnly.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static StoredEvent stored(long token, Event event) {
        return new StoredEvent(token, event.getMessageIdentifier(), event.getAggregateIdentifier(),
                event.getAggregateSequenceNumber(), event.getAggregateType(), event.getPayload().getType(),
                event.getPayload().getRevision(), Instant.ofEpochMilli(event.getTimestamp()).toString(),
                event.getPayload().getData().toByteArray(), metaData(event));
    }

    /** The token of the event {@code identifier}: {@code chained} if the global stream holds it there, else searched from {@code from}. */
    private long tokenOf(String identifier, Long chained, long from) {
        if (chained != null && chained >= from) {
            try (Reader<StoredEvent> at = read(chained, chained)) {
                if (at.hasNext() && at.next().eventIdentifier().equals(identifier)) {
                    return chained;
                }
            }
        }
        try (Reader<StoredEvent> events = read(from, lastToken())) {
            while (events.hasNext()) {
                StoredEvent event = events.next();
                if (event.eventIdentifier().equals(identifier)) {
                    return event.globalIndex();
                }
            }
        }
        throw new IllegalStateException("Axon Server's aggregate stream holds event " + identifier
                + ", its global stream does not from token " + from);
    }

    /** The events of the global stream from token {@code first} to token {@code last} (none when {@code last < first}). */
    private Reader<StoredEvent> read(long first, long last) {
        if (last < first) {
            return Reader.of(List.of());
        }
        // the connector's token is the last one already read: the stream starts right after it
        EventStream stream = channel().openStream(first - 1, (int) Math.min(BUFFER, last - first + 1));
        return new StreamReader(stream, last);
    }

    private static final class StreamReader extends ReadAhead<StoredEvent> implements Reader<StoredEvent> {
        private final EventStream stream;
        private final long last;
        private boolean done;

        StreamReader(EventStream stream, long last) {
            this.stream = stream;
            this.last = last;
        }

        @Override
        protected StoredEvent read() {
            if (done) {
                return null;
            }
            EventWithToken next;
            try {
                next = stream.nextIfAvailable(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading Axon Server's event stream", e);
            }
            if (next == null) {
                throw new IllegalStateException("Axon Server's event stream gave nothing for " + TIMEOUT_SECONDS
                        + " s before token " + last, stream.getError().orElse(null));
            }
            done = next.getToken() >= last;
            return stored(next.getToken(), next.getEvent());
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    private List<Event> aggregate(String aggregateIdentifier) {
        AggregateEventStream stream = channel().openAggregateStream(aggregateIdentifier, false);
        try {
            return stream.asStream().toList();
        } finally {
            stream.cancel();
        }
    }

    /** The token of the last event stored; -1 while there is none. */
    private long lastToken() {
        try {
            return channel().getLastToken().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Axon Server for its last token", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot ask Axon Server for its last token", e);
        }
    }

    private EventChannel channel() {
        return connections.getConnection().eventChannel();
    }
}
