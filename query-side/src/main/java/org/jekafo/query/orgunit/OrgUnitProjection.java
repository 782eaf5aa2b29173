package org.jekafo.query.orgunit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jekafo.api.orgunit.OrgUnitClosedEvent;
import org.jekafo.api.orgunit.OrgUnitCreatedEvent;
import org.jekafo.api.orgunit.OrgUnitMovedEvent;
import org.jekafo.api.orgunit.OrgUnitRenamedEvent;
import org.jekafo.query.elasticsearch.DocumentBatch;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/** Projects the tree's events into the org-units index; idempotent by sequence number like the members. */
@Component
@ProcessingGroup(OrgUnitProjection.PROCESSING_GROUP)
class OrgUnitProjection {

    static final String PROCESSING_GROUP = "org-unit-projection";

    private final ElasticsearchClient client;
    private final OrgUnitIndex index;

    OrgUnitProjection(ElasticsearchClient client, OrgUnitIndex index) {
        this.client = client;
        this.index = index;
    }

    @EventHandler
    void on(OrgUnitCreatedEvent event, @SequenceNumber long sequence) {
        OrgUnitDocument document = new OrgUnitDocument();
        document.orgUnitId = event.orgUnitId();
        document.code = event.code();
        document.name = event.name();
        document.level = event.level();
        document.parentId = event.parentId();
        batch().create(sequence, document);
    }

    @EventHandler
    void on(OrgUnitRenamedEvent event, @SequenceNumber long sequence) {
        update(event.orgUnitId(), sequence, d -> d.name = event.name());
    }

    @EventHandler
    void on(OrgUnitMovedEvent event, @SequenceNumber long sequence) {
        update(event.orgUnitId(), sequence, d -> d.parentId = event.newParentId());
    }

    @EventHandler
    void on(OrgUnitClosedEvent event, @SequenceNumber long sequence) {
        update(event.orgUnitId(), sequence, d -> d.closed = true);
    }

    private void update(String orgUnitId, long sequence, Consumer<OrgUnitDocument> change) {
        batch().update(orgUnitId, sequence, change);
    }

    private DocumentBatch<OrgUnitDocument> batch() {
        return DocumentBatch.current(client, index, OrgUnitDocument.class);
    }
}
