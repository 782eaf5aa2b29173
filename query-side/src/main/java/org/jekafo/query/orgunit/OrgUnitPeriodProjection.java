package org.jekafo.query.orgunit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.jekafo.api.orgunit.OrgUnitClosedEvent;
import org.jekafo.api.orgunit.OrgUnitCreatedEvent;
import org.jekafo.api.orgunit.OrgUnitMovedEvent;
import org.jekafo.api.orgunit.OrgUnitRenamedEvent;
import org.jekafo.query.elasticsearch.DocumentBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Projects the tree's events into periods ({@link OrgUnitPeriodDocument}): the creation opens a unit's first period;
 * a rename, a move or a closure closes the period that lasts at the event's time and opens the next. The tree at a
 * date is then the periods that held then, whatever moved since: what figures as of a date and the audit trail's unit
 * filter resolve subtrees and regions with. As for the members' periods, the period that lasts carries the sequence
 * number of the unit's last event applied, so redelivered and replayed events do no harm.
 */
@Component
@ProcessingGroup(OrgUnitPeriodProjection.PROCESSING_GROUP)
class OrgUnitPeriodProjection {

    static final String PROCESSING_GROUP = "org-unit-period-projection";
    private static final Logger LOG = LoggerFactory.getLogger(OrgUnitPeriodProjection.class);

    private final ElasticsearchClient client;
    private final OrgUnitPeriodIndex index;

    OrgUnitPeriodProjection(ElasticsearchClient client, OrgUnitPeriodIndex index) {
        this.client = client;
        this.index = index;
    }

    @EventHandler
    void on(OrgUnitCreatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        OrgUnitPeriodDocument period = new OrgUnitPeriodDocument();
        period.periodId = event.orgUnitId();
        period.orgUnitId = event.orgUnitId();
        period.code = event.code();
        period.name = event.name();
        period.level = event.level();
        period.parentId = event.parentId();
        period.validFrom = at;
        period.fromSequence = sequence;
        batch().create(sequence, period);
    }

    @EventHandler
    void on(OrgUnitRenamedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.orgUnitId(), sequence, at, p -> p.name = event.name());
    }

    @EventHandler
    void on(OrgUnitMovedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.orgUnitId(), sequence, at, p -> p.parentId = event.newParentId());
    }

    @EventHandler
    void on(OrgUnitClosedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.orgUnitId(), sequence, at, p -> p.closed = true);
    }

    /**
     * Closes the unit's lasting period at {@code at} and has the lasting one start then, changed, unless the event at
     * {@code sequence} was applied already.
     */
    private void change(String orgUnitId, long sequence, Instant at, Consumer<OrgUnitPeriodDocument> change) {
        DocumentBatch<OrgUnitPeriodDocument> batch = batch();
        boolean found = batch.update(orgUnitId, sequence, lasting -> {
            batch.create(sequence, lasting.closedAt(at));
            change.accept(lasting);
            lasting.validFrom = at;
            lasting.fromSequence = sequence;
        });
        if (!found) {
            LOG.warn("Unit {} has no period in {}; its event {} is skipped", orgUnitId, index.writeIndex(), sequence);
        }
    }

    private DocumentBatch<OrgUnitPeriodDocument> batch() {
        return DocumentBatch.current(client, index, OrgUnitPeriodDocument.class);
    }
}
