package org.jekafo.query.elasticsearch;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.jekafo.api.common.StableNames;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The events each projection has parked in its dead-letter queue: listed (with no personal values: ids, types,
 * positions, reasons), retried, or evicted. A sequence is an aggregate: its first letter is the event that failed,
 * the others wait behind it.
 */
@Component
public class DeadLetters {

    private final Configuration axon;
    private final ProjectionMaintenance maintenance;

    DeadLetters(Configuration axon, ProjectionMaintenance maintenance) {
        this.axon = axon;
        this.maintenance = maintenance;
    }

    /** One parked event, its type by stable name ({@code @EventName}). {@code reason} is null for an event parked only because an earlier one of its aggregate is. */
    public record Parked(String processor, String sequenceId, String eventType, Long globalPosition,
                         Long sequenceNumber, String causeType, String reason, Instant firstFailureAt,
                         Instant lastRetryAt, long attempts) {
    }

    /** One processor's queue in short: how many letters, in which sequences (aggregate ids). */
    public record Summary(String processor, long count, List<String> sequenceIds) {
    }

    /** What a retry did: sequences entirely applied, and letters still parked. */
    public record Retried(String processor, int appliedSequences, long remaining) {
    }

    /** The projections' processors, by name. */
    public List<String> processors() {
        return maintenance.indices().stream().map(ProjectionIndex::processingGroup).toList();
    }

    public boolean isKnown(String processor) {
        return processors().contains(processor);
    }

    /** Whether events of this aggregate wait in the processor's queue. */
    public boolean isParked(String processor, String sequenceId) {
        return queue(processor).map(queue -> queue.contains(sequenceId)).orElse(false);
    }

    /** Every parked event of a processor, or of every projection when {@code processor} is null, sequence by sequence. */
    public List<Parked> list(String processor) {
        List<Parked> parked = new ArrayList<>();
        for (String name : processor == null ? processors() : List.of(processor)) {
            queue(name).ifPresent(queue -> queue.deadLetters().forEach(sequence ->
                    sequence.forEach(letter -> parked.add(parked(name, letter)))));
        }
        return parked;
    }

    /** The count and the sequences (at most {@code limit} of them) of a processor's queue. */
    public Summary summary(String processor, int limit) {
        return queue(processor).map(queue -> {
            long count = queue.size();
            List<String> sequences = new ArrayList<>();
            if (count > 0) {
                for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                    if (sequences.size() >= limit) {
                        break;
                    }
                    sequence.forEach(letter -> {
                        if (sequences.isEmpty() || !sequences.get(sequences.size() - 1).equals(sequenceId(letter))) {
                            sequences.add(sequenceId(letter));
                        }
                    });
                }
            }
            return new Summary(processor, count, List.copyOf(sequences));
        }).orElse(new Summary(processor, 0, List.of()));
    }

    /**
     * Handles again the parked events of one sequence, or of every sequence when {@code sequenceId} is null, in
     * order: each applied event leaves the queue; the first that fails again stays (with its new reason and one
     * more attempt), and those behind it wait.
     */
    public Retried retry(String processor, String sequenceId) {
        SequencedDeadLetterProcessor<EventMessage<?>> letters = processor(processor);
        List<String> sequences = sequenceId == null ? summary(processor, Integer.MAX_VALUE).sequenceIds() : List.of(sequenceId);
        int applied = 0;
        for (String sequence : sequences) {
            if (letters.process(letter -> sequence.equals(sequenceId(letter)))) {
                applied++;
            }
        }
        return new Retried(processor, applied, queue(processor).map(SequencedDeadLetterQueue::size).orElse(0L));
    }

    /**
     * Drops the first parked event of a sequence — the one that failed — for good, then handles the events that
     * waited behind it. Returns the dropped event, empty when the sequence has nothing parked.
     */
    public Optional<Parked> evict(String processor, String sequenceId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processor).orElseThrow();
        for (DeadLetter<? extends EventMessage<?>> first : queue.deadLetterSequence(sequenceId)) {
            Parked evicted = parked(processor, first);
            queue.evict(first);
            if (queue.contains(sequenceId)) {
                processor(processor).process(letter -> sequenceId.equals(sequenceId(letter)));
            }
            return Optional.of(evicted);
        }
        return Optional.empty();
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String processor) {
        return axon.eventProcessingConfiguration().deadLetterQueue(processor);
    }

    private SequencedDeadLetterProcessor<EventMessage<?>> processor(String processor) {
        return axon.eventProcessingConfiguration().sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> new IllegalStateException("no dead-letter queue for " + processor));
    }

    /** The aggregate of the letter's event: the sequence it belongs to under Axon's per-aggregate policy. */
    private static String sequenceId(DeadLetter<? extends EventMessage<?>> letter) {
        return letter.message() instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier()
                : letter.message().getIdentifier();
    }

    private static Parked parked(String processor, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        Long position = message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().stream().boxed().findFirst().orElse(null) : null;
        Long sequenceNumber = message instanceof DomainEventMessage<?> event ? event.getSequenceNumber() : null;
        Optional<Cause> cause = letter.cause();
        return new Parked(processor, sequenceId(letter), StableNames.eventName(message.getPayloadType()), position,
                sequenceNumber, cause.map(Cause::type).map(DeadLetters::simpleName).orElse(null),
                cause.map(Cause::message).orElse(null), letter.enqueuedAt(),
                letter.lastTouched(), PoisonEventPolicy.attempts(letter));
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
