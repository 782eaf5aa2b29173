package org.jekafo.command.integrity;

import org.jekafo.integrity.ChainLink;
import org.jekafo.integrity.ChainRule;
import org.jekafo.integrity.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends the chain rows right behind the head of the store, in global-index order: every second
 * ({@code jekafo.integrity.chain-interval}) and on demand ({@link #chainNow}). A batch is one read of up to
 * {@value #BATCH} events after the last chained global index and one batch insert, in one transaction.
 *
 * <p>A gap in the global index may be a transaction still in flight (its index taken, its row not committed): the
 * chain stops before a gap until it is older than {@code jekafo.integrity.gap-window} (60 s), by the wall clock
 * since the chainer first saw it or by the time of the event after it, then passes over it for good. An event that
 * appears in such a gap later is an inserted event for the verification.
 *
 * <p>Several instances may chain at once: each appends after the head it read, and the primary key on the chain
 * sequence (and the unique global index) makes the second insert fail; its transaction rolls back and the next
 * round starts from the winner's head. Within one instance, rounds do not overlap.
 */
final class Chainer {

    static final int BATCH = 1000;
    /** A scheduled round chains at most this many batches (a large store's first chaining spreads over rounds,
     * leaving the shared scheduler thread to the other tasks in between). */
    private static final int BATCHES_PER_ROUND = 50;
    private static final Logger LOG = LoggerFactory.getLogger(Chainer.class);

    private final StoredEvents store;
    private final EventChain chain;
    private final TransactionTemplate transactions;
    private final Duration gapWindow;

    private long gapIndex = -1;
    private Instant gapFirstSeen;

    Chainer(StoredEvents store, EventChain chain, TransactionTemplate transactions,
            Duration gapWindow) {
        this.store = store;
        this.chain = chain;
        this.transactions = transactions;
        this.gapWindow = gapWindow;
    }

    private record Batch(int chained, boolean more) {
    }

    @Scheduled(initialDelayString = "${jekafo.integrity.chain-interval:1s}",
            fixedDelayString = "${jekafo.integrity.chain-interval:1s}")
    void tick() {
        try {
            chain(BATCHES_PER_ROUND);
        } catch (RuntimeException e) {
            LOG.warn("Chaining failed, tried again next round: {}", e.toString());
        }
    }

    /** Chains every event that can be chained now; answers how many. */
    long chainNow() {
        return chain(Integer.MAX_VALUE);
    }

    /** Chains what can be in at most {@code batches} batches; answers how many events. */
    private synchronized long chain(int batches) {
        long started = System.nanoTime();
        long total = 0;
        for (int round = 0; round < batches; round++) {
            Batch batch;
            try {
                batch = transactions.execute(status -> chainBatch());
            } catch (DataIntegrityViolationException lost) {
                LOG.debug("Another instance chained the same places first");
                break;
            }
            total += batch.chained();
            if (!batch.more()) {
                break;
            }
        }
        if (total >= 10_000) {
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.info("Chained {} events in {} s ({} events/s)", total, String.format("%.2f", seconds),
                    Math.round(total / seconds));
        }
        return total;
    }

    private Batch chainBatch() {
        ChainLink head = chain.head().orElse(null);
        long after = head == null ? -1 : head.globalIndex(); // Axon Server's first token is 0, the tables' first index 1
        long expected = after + 1;
        long sequence = head == null ? 0 : head.chainSequence() + 1;
        byte[] previous = head == null ? ChainRule.GENESIS : head.chainHash();
        List<StoredEvent> events = store.after(after, BATCH);
        List<ChainLink> links = new ArrayList<>(events.size());
        boolean blocked = false;
        Instant now = Instant.now();
        for (StoredEvent event : events) {
            if (event.globalIndex() > expected && head != null && young(expected, event, now)) {
                blocked = true;
                break;
            }
            ChainLink link = ChainRule.chain(sequence++, previous, event);
            links.add(link);
            previous = link.chainHash();
            expected = event.globalIndex() + 1;
        }
        if (!links.isEmpty()) {
            chain.append(links);
        }
        return new Batch(links.size(), !blocked && events.size() == BATCH);
    }

    /** Whether the gap starting at {@code gapStart}, before {@code next}, may still be filled by a transaction in flight. */
    private boolean young(long gapStart, StoredEvent next, Instant now) {
        if (gapIndex != gapStart) {
            gapIndex = gapStart;
            gapFirstSeen = now;
        }
        boolean young = gapFirstSeen.plus(gapWindow).isAfter(now) && written(next).plus(gapWindow).isAfter(now);
        if (!young) {
            LOG.info("Chain passes over global index {} to {}: no event there after {}", gapStart, next.globalIndex() - 1,
                    gapWindow);
        }
        return young;
    }

    private static Instant written(StoredEvent event) {
        try {
            return Instant.parse(event.timestamp());
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
