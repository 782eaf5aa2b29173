package org.jekafo.api.common;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.lang.reflect.RecordComponent;

/** How events and their fields are named where people and stores see them: by their declared, stable names. */
public final class StableNames {

    private StableNames() {
    }

    /** The {@link EventName} of an event type, or its simple class name for a type that declares none. */
    public static String eventName(Class<?> type) {
        EventName name = type.getAnnotation(EventName.class);
        return name == null ? type.getSimpleName() : name.value();
    }

    /** The stored name of a record component: its {@code @JsonProperty}, else its Java name. */
    public static String fieldName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property == null || property.value().isEmpty() ? component.getName() : property.value();
    }
}
