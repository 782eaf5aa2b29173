package org.jekafo.query.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.jekafo.api.common.DataSubject;
import org.jekafo.api.common.MetadataKeys;
import org.jekafo.api.common.RecordField;
import org.jekafo.api.common.StableNames;
import org.jekafo.api.history.FieldChange;
import org.jekafo.api.history.HistoryEntryView;
import org.jekafo.api.history.RecordFieldValue;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One aggregate's events turned into history entries, in order, whatever the aggregate's type: each field an event
 * carries, by its stored name ({@code @JsonProperty}), with the value the aggregate's record held before. The record
 * is what the first event (the creation) set; a later event sets one of its fields under the same name, or under
 * another name that its component declares ({@link RecordField}). The id of the aggregate, which every event repeats
 * first, is not shown as a change. The people the events are about are their {@link DataSubject} components. The
 * record as the events read so far left it, each field with the event that set it, is the aggregate's state then
 * ({@link #record()}).
 */
final class HistoryFold {

    private final String aggregateId;
    private final Map<String, String> record = new HashMap<>();
    /** The event that set each field of the record: sequence, stable name, time. */
    private final Map<String, RecordFieldValue> setBy = new HashMap<>();
    private final Set<String> dataSubjects = new LinkedHashSet<>();
    private Set<String> recordFields;

    HistoryFold(String aggregateId) {
        this.aggregateId = aggregateId;
    }

    /** The entry of the aggregate's next event; the record then holds what it set. */
    HistoryEntryView next(DomainEventMessage<?> event) {
        MetaData metaData = event.getMetaData();
        String capturedAt = text(metaData.get(MetadataKeys.CAPTURED_AT));
        return new HistoryEntryView(event.getType(), event.getSequenceNumber(), event.getIdentifier(),
                event.getTimestamp(), StableNames.eventName(event.getPayloadType()),
                text(metaData.get(MetadataKeys.PRINCIPAL)), text(metaData.get(MetadataKeys.ROLE)),
                text(metaData.get(MetadataKeys.CHANNEL)), text(metaData.get(MetadataKeys.CORRELATION_ID)),
                text(metaData.get(MetadataKeys.CAUSATION_ID)), capturedAt == null ? null : Instant.parse(capturedAt),
                changes(event));
    }

    /** The aggregate's record as the events read so far left it, in the order the creation set its fields. */
    List<RecordFieldValue> record() {
        if (recordFields == null) {
            return List.of();
        }
        return recordFields.stream().filter(setBy::containsKey).map(field -> {
            RecordFieldValue set = setBy.get(field);
            return new RecordFieldValue(field, record.get(field), set.sequence(), set.eventName(), set.setAt());
        }).toList();
    }

    /** The people whose personal data the events read so far are about, in order. */
    List<String> dataSubjects() {
        return List.copyOf(dataSubjects);
    }

    private List<FieldChange> changes(DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        List<FieldChange> changes = new ArrayList<>();
        RecordComponent[] components = payload.getClass().getRecordComponents();
        if (components == null) {
            return changes;
        }
        boolean creation = recordFields == null;
        if (creation) {
            recordFields = new LinkedHashSet<>();
        }
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            Object value = valueOf(component, payload);
            if (value != null && component.isAnnotationPresent(DataSubject.class)) {
                dataSubjects.add(String.valueOf(value));
            }
            if (value == null || (i == 0 && aggregateId.equals(String.valueOf(value)))) {
                continue;
            }
            String field = StableNames.fieldName(component);
            RecordField declared = component.getAnnotation(RecordField.class);
            String recordField = declared == null ? field : declared.value();
            if (creation) {
                recordFields.add(recordField);
            }
            String now = text(value);
            String before = null;
            if (recordFields.contains(recordField)) {
                before = record.put(recordField, now);
                setBy.put(recordField, new RecordFieldValue(recordField, null, event.getSequenceNumber(),
                        StableNames.eventName(event.getPayloadType()), event.getTimestamp()));
            }
            changes.add(new FieldChange(field, now, before));
        }
        return changes;
    }

    private static Object valueOf(RecordComponent component, Object payload) {
        Method accessor = component.getAccessor();
        accessor.trySetAccessible(); // an event record declared outside the API (a test's) need not be public
        try {
            return accessor.invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static String text(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return value == null ? null : String.valueOf(value);
    }
}
