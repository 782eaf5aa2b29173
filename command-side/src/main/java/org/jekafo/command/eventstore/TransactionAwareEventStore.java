package org.jekafo.command.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Axon's embedded event store, except for when it wakes its reader (the thread that reads new events for the
 * tracking processors). Axon wakes it when a unit of work commits; but when the unit of work joined a wider
 * database transaction — the census import registers 200 members in one — its events become readable only
 * when that transaction commits. Waking the reader earlier made it query the store once per command for
 * events it could not see yet, each time asking again for every gap the uncommitted events left (JFR and
 * PostgreSQL's statistics: 20,000 queries and a million index probes for one census import). Here the
 * reader is woken once per database transaction, after it commits.
 */
class TransactionAwareEventStore extends EmbeddedEventStore {

    /** The current transaction's resource that says its commit will wake the reader. */
    private final Object wakeUpPending = new Object();

    TransactionAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            super.afterCommit(events);
            return;
        }
        if (TransactionSynchronizationManager.hasResource(wakeUpPending)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(wakeUpPending, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(wakeUpPending);
                if (status == STATUS_COMMITTED) {
                    TransactionAwareEventStore.super.afterCommit(events);
                }
            }
        });
    }
}
