package org.jekafo.command.membership;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jekafo.api.membership.MemberPersonalDataErasedEvent;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.command.personaldata.PersonalDataKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the command-side directory and the personal-data keys true to the event store, whichever of the two
 * stores committed first. The directory rows are written in the command's database transaction; with Axon
 * Server the events are committed by another system, so either commit can happen without the other:
 * <ul>
 *   <li><b>An event stored without its directory row</b> (the database commit failed after Axon Server's):
 *   this tracking processor reads every registration back from the event store; when the member has no row,
 *   the row is rebuilt from all the member's stored events, through the directory's own handlers.</li>
 *   <li><b>A row whose event was never stored</b> (the event store refused or was unreachable after the
 *   database committed): a new row stays unconfirmed until its registration is read back; an unconfirmed row
 *   older than the grace period whose member has no event at all is deleted, with its unused key, so that its
 *   card number and national ID are free again.</li>
 *   <li><b>An erasure stored whose key survived</b>: the key is destroyed when the erasure is read back.</li>
 * </ul>
 * Every repair is logged with a stable code ({@code DIRECTORY_ROW_RESTORED}, {@code DIRECTORY_ROW_WITHOUT_EVENT},
 * {@code KEY_DESTROYED_LATE}, {@code KEY_WITHOUT_EVENT}) and ids only.
 */
@Component
@ProcessingGroup(MemberDirectoryReconciliation.PROCESSING_GROUP)
class MemberDirectoryReconciliation {

    static final String PROCESSING_GROUP = "member-directory-check";
    private static final Logger LOG = LoggerFactory.getLogger(MemberDirectoryReconciliation.class);
    private static final int SWEEP_LIMIT = 500;

    private final JdbcTemplate jdbc;
    private final PersonalDataKeys keys;
    private final EventStore eventStore;
    private final AnnotationEventHandlerAdapter directoryHandlers;
    private final TransactionTemplate transactions;
    /** The rebuild of one row, in a savepoint of the processor's transaction: a collision leaves the rest intact. */
    private final TransactionTemplate savepoint;
    private final Duration grace;

    MemberDirectoryReconciliation(JdbcTemplate jdbc, PersonalDataKeys keys, EventStore eventStore,
                                  JdbcMemberDirectory directory, TransactionTemplate transactions,
                                  @Value("${jekafo.reconciliation.grace:10m}") Duration grace) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.eventStore = eventStore;
        this.directoryHandlers = new AnnotationEventHandlerAdapter(directory);
        this.transactions = transactions;
        this.savepoint = new TransactionTemplate(transactions.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.grace = grace;
    }

    @EventHandler
    void on(MemberRegisteredEvent event) {
        String memberId = event.memberId();
        if (jdbc.update("update member_directory set confirmed = true where member_id = ? and confirmed = false",
                memberId) == 1) {
            return;
        }
        Integer rows = jdbc.queryForObject("select count(*) from member_directory where member_id = ?", Integer.class,
                memberId);
        if (rows != null && rows > 0) {
            return;
        }
        try {
            savepoint.executeWithoutResult(status -> {
                eventStore.readEvents(memberId).asStream().forEach(this::replay);
                jdbc.update("update member_directory set confirmed = true where member_id = ?", memberId);
            });
            LOG.warn("DIRECTORY_ROW_RESTORED: member {} had an event in the event store and no directory row; "
                    + "the row was rebuilt from its events", memberId);
        } catch (RuntimeException conflict) {
            // rolled back to the savepoint: this transaction goes on (PostgreSQL would refuse any further statement)
            if (jdbc.update("update member_directory set confirmed = true where member_id = ?", memberId) == 1) {
                // with Axon Server the event can be read back before the command's own transaction commits its row:
                // the rebuilt row then collides with it; the command's row stands
                LOG.debug("Directory row of member {} committed by its command while being rebuilt", memberId);
                return;
            }
            LOG.error("DIRECTORY_CONFLICT: the directory row of member {} cannot be rebuilt from its events "
                    + "(another member holds its card number or national ID): {}", memberId, conflict.getClass().getName());
        }
    }

    @EventHandler
    void on(MemberPersonalDataErasedEvent event) {
        if (!keys.isDestroyed(event.memberId())) {
            replay(GenericEventMessage.asEventMessage(event));
            LOG.warn("KEY_DESTROYED_LATE: the erasure of member {} was stored but its key had survived; destroyed now",
                    event.memberId());
        }
    }

    /** Applies a stored event to the directory through the directory's own handlers. */
    private void replay(EventMessage<?> event) {
        try {
            directoryHandlers.handle(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Deletes the directory rows and keys left by commands whose events were never stored: unconfirmed rows, and
     * keys without a row, older than the grace period, whose member has no event at all in the event store.
     */
    @Scheduled(initialDelayString = "${jekafo.reconciliation.interval:60s}",
            fixedDelayString = "${jekafo.reconciliation.interval:60s}")
    void sweep() {
        Timestamp before = Timestamp.from(Instant.now().minus(grace));
        List<String> unconfirmed = jdbc.queryForList("select member_id from member_directory where confirmed = false "
                + "and written_at < ? fetch first " + SWEEP_LIMIT + " rows only", String.class, before);
        for (String memberId : unconfirmed) {
            if (hasNoEvent(memberId)) {
                transactions.executeWithoutResult(status -> {
                    jdbc.update("delete from member_directory where member_id = ? and confirmed = false", memberId);
                    jdbc.update("delete from personal_data_key where subject_id = ? and destroyed_at is null", memberId);
                });
                LOG.warn("DIRECTORY_ROW_WITHOUT_EVENT: member {} had a directory row but no event was ever stored; "
                        + "row and key removed", memberId);
            }
        }
        List<String> unusedKeys = jdbc.queryForList("select subject_id from personal_data_key k where k.destroyed_at is null "
                + "and k.created_at < ? and not exists (select 1 from member_directory d where d.member_id = k.subject_id) "
                + "fetch first " + SWEEP_LIMIT + " rows only", String.class, before);
        for (String subjectId : unusedKeys) {
            if (hasNoEvent(subjectId)) {
                jdbc.update("delete from personal_data_key where subject_id = ? and destroyed_at is null", subjectId);
                LOG.info("KEY_WITHOUT_EVENT: the key of {} was created for a command that stored nothing; removed",
                        subjectId);
            }
        }
    }

    private boolean hasNoEvent(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).isEmpty();
    }
}
