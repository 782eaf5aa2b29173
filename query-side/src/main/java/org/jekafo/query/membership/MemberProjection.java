package org.jekafo.query.membership;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.jekafo.api.common.PersonalData;
import org.jekafo.api.common.TextFolding;
import org.jekafo.api.membership.DuesPaymentRecordedEvent;
import org.jekafo.api.membership.DuesPaymentView;
import org.jekafo.api.membership.MemberDeathRecordedEvent;
import org.jekafo.api.membership.MemberIdentityCorrectedEvent;
import org.jekafo.api.membership.MemberPersonalDataErasedEvent;
import org.jekafo.api.membership.MemberPhoneChangedEvent;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberReinstatedEvent;
import org.jekafo.api.membership.MemberResignedEvent;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.membership.MemberSuspendedEvent;
import org.jekafo.api.membership.MemberTradesChangedEvent;
import org.jekafo.api.membership.MemberTransferredEvent;
import org.jekafo.query.elasticsearch.DocumentBatch;
import org.jekafo.query.elasticsearch.ProjectionIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Projects member events into the members index. Each document remembers the sequence number of the last
 * event applied ({@code version}); an event at or below it is skipped, so redelivered and replayed events
 * do no harm. An erasure of personal data replaces it in the document; once the batch is written, the
 * document's earlier versions are purged from the index ({@link ProjectionIndex#purgeDeletedDocuments()}).
 * Replayed from the event store, an erased member is erased from its first event on, as its key is gone.
 */
@Component
@ProcessingGroup(MemberProjection.PROCESSING_GROUP)
class MemberProjection {

    static final String PROCESSING_GROUP = "member-projection";
    private static final Logger LOG = LoggerFactory.getLogger(MemberProjection.class);

    private final ElasticsearchClient client;
    private final ProjectionIndex index;

    MemberProjection(ElasticsearchClient client, MemberIndex index) {
        this.client = client;
        this.index = index;
    }

    @EventHandler
    void on(MemberRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        MemberDocument document = new MemberDocument();
        document.memberId = event.memberId();
        document.cardNumber = event.cardNumber();
        setName(document, event.lastName(), event.firstName());
        document.gender = event.gender();
        document.birthYear = event.birthYear();
        document.phone = event.phone();
        document.nationalId = event.nationalId();
        document.trades = new ArrayList<>(event.trades());
        document.localUnitId = event.localUnitId();
        document.disability = event.disability();
        document.enrolledOn = event.enrolledOn();
        document.status = MemberStatus.ACTIVE;
        document.registeredAt = at;
        document.updatedAt = at;
        document.position = currentPosition();
        batch().create(sequence, document);
    }

    @EventHandler
    void on(MemberIdentityCorrectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.memberId(), sequence, at, d -> {
            setName(d, event.lastName(), event.firstName());
            d.gender = event.gender();
            d.birthYear = event.birthYear();
            d.nationalId = event.nationalId();
            d.disability = event.disability();
        });
    }

    @EventHandler
    void on(MemberPhoneChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.memberId(), sequence, at, d -> d.phone = event.phone());
    }

    @EventHandler
    void on(MemberTradesChangedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.memberId(), sequence, at, d -> d.trades = new ArrayList<>(event.trades()));
    }

    @EventHandler
    void on(MemberTransferredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.memberId(), sequence, at, d -> {
            if (!d.formerLocalUnitIds.contains(d.localUnitId)) {
                d.formerLocalUnitIds.add(d.localUnitId);
            }
            d.localUnitId = event.toLocalUnitId();
        });
    }

    @EventHandler
    void on(MemberSuspendedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.memberId(), sequence, at, d -> status(d, MemberStatus.SUSPENDED, event.reason()));
    }

    @EventHandler
    void on(MemberReinstatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.memberId(), sequence, at, d -> status(d, MemberStatus.ACTIVE, event.reason()));
    }

    @EventHandler
    void on(MemberResignedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.memberId(), sequence, at, d -> status(d, MemberStatus.RESIGNED, event.reason()));
    }

    @EventHandler
    void on(MemberDeathRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.memberId(), sequence, at, d -> status(d, MemberStatus.DECEASED, null));
    }

    @EventHandler
    void on(DuesPaymentRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.memberId(), sequence, at, d -> d.dues.add(new DuesPaymentView(event.year(), event.amountFcfa(),
                event.receiptNumber(), event.paidOn())));
    }

    @EventHandler
    void on(MemberPersonalDataErasedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.memberId(), sequence, at, d -> {
            setName(d, PersonalData.ERASED, PersonalData.ERASED);
            d.birthYear = null;
            d.phone = PersonalData.ERASED;
            d.nationalId = d.nationalId == null ? null : PersonalData.ERASED;
            // reasons are free text people type, names included: personal data too
            d.statusReason = d.statusReason == null ? null : PersonalData.ERASED;
            d.personalDataErased = true;
        });
        CurrentUnitOfWork.get().root().afterCommit(u -> index.purgeDeletedDocuments());
    }

    private void update(String memberId, long sequence, Instant at, Consumer<MemberDocument> change) {
        Long position = currentPosition();
        boolean found = batch().update(memberId, sequence, document -> {
            change.accept(document);
            document.updatedAt = at;
            document.position = position;
        });
        if (!found) {
            LOG.warn("Member {} is missing from {}; its event {} is skipped", memberId, index.writeIndex(), sequence);
        }
    }

    /** The global position of the event being handled (null where none is given, e.g. in a fixture). */
    private static Long currentPosition() {
        if (!CurrentUnitOfWork.isStarted()
                || !(CurrentUnitOfWork.get().getMessage() instanceof TrackedEventMessage<?> tracked)
                || tracked.trackingToken() == null) {
            return null;
        }
        OptionalLong position = tracked.trackingToken().position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    private static void setName(MemberDocument document, String lastName, String firstName) {
        document.lastName = lastName;
        document.firstName = firstName;
        document.nameFolded = TextFolding.fold(lastName + " " + firstName);
        document.sortName = document.nameFolded;
    }

    private static void status(MemberDocument document, MemberStatus status, String reason) {
        document.status = status;
        document.statusReason = reason;
    }

    private DocumentBatch<MemberDocument> batch() {
        return DocumentBatch.current(client, index, MemberDocument.class);
    }
}
