package org.jekafo.command.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader is woken when the database transaction around the units of work commits, not before; without
 * such a transaction, when the unit of work commits. The reader's own polling is set to a minute, so only a
 * wake-up can bring an event within the test's waits.
 */
class TransactionAwareEventStoreTest {

    private final EmbeddedEventStore store = new TransactionAwareEventStore(EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).fetchDelay(60_000));
    private final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(
            new DriverManagerDataSource("jdbc:h2:mem:wake-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")));

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void eventsOfUnitsOfWorkInsideATransactionAreReadOnceItCommits() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();
            transactions.executeWithoutResult(status -> {
                publishInUnitOfWork("first");
                publishInUnitOfWork("second");
                assertThat(availableWithin(stream, 500)).isFalse();
            });
            assertThat(availableWithin(stream, 5_000)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("second");
        }
    }

    @Test
    void aRolledBackTransactionWakesNobody() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();
            transactions.executeWithoutResult(status -> {
                publishInUnitOfWork("rolled back");
                status.setRollbackOnly();
            });
            // the in-memory engine keeps what it was given, whatever the transaction: only the wake-up is tested
            assertThat(availableWithin(stream, 500)).isFalse();
        }
    }

    @Test
    void withoutATransactionTheUnitOfWorksCommitWakesTheReader() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            assertThat(stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)).isFalse();
            publishInUnitOfWork("alone");
            assertThat(availableWithin(stream, 5_000)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("alone");
        }
    }

    private void publishInUnitOfWork(String payload) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(GenericEventMessage.asEventMessage(payload)));
    }

    private static boolean availableWithin(BlockingStream<TrackedEventMessage<?>> stream, long millis) {
        try {
            return stream.hasNextAvailable((int) millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
