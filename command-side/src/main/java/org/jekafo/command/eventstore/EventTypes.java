package org.jekafo.command.eventstore;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.jekafo.api.common.EventName;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The events the store knows, by their declared {@link EventName}: name and revision for a class, class for a name.
 * Built by scanning the API's packages; it refuses to exist (so the application refuses to start) when a class
 * named like an event ({@code …Event}) declares no name, or two classes declare the same one.
 */
public final class EventTypes {

    /** Where the events live: the shared API. */
    public static final String API_PACKAGE = "org.jekafo.api";

    private final Map<Class<?>, SerializedType> typeByClass = new HashMap<>();
    private final Map<String, Class<?>> classByName = new HashMap<>();

    private EventTypes(Collection<Class<?>> classes) {
        List<String> problems = new ArrayList<>();
        for (Class<?> type : classes) {
            EventName name = type.getAnnotation(EventName.class);
            if (name == null) {
                problems.add(type.getName() + " is named like an event but declares no @EventName");
                continue;
            }
            if (name.value().isBlank() || name.revision().isBlank()) {
                problems.add(type.getName() + " declares a blank @EventName name or revision");
                continue;
            }
            Class<?> other = classByName.putIfAbsent(name.value(), type);
            if (other != null) {
                problems.add(type.getName() + " and " + other.getName() + " both declare @EventName " + name.value());
                continue;
            }
            typeByClass.put(type, new SimpleSerializedType(name.value(), name.revision()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("events without a stable name: " + String.join("; ", problems));
        }
    }

    /** The events of {@code basePackage} and below: classes annotated {@link EventName} and classes named {@code …Event}. */
    public static EventTypes scan(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventName.class));
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Event")));
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            classes.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), EventTypes.class.getClassLoader()));
        }
        return new EventTypes(classes);
    }

    /** These classes only (tests). */
    public static EventTypes of(Class<?>... classes) {
        return new EventTypes(List.of(classes));
    }

    /** The declared name and revision of an event class; empty for a class that is no declared event (metadata, …). */
    public Optional<SerializedType> typeOf(Class<?> type) {
        return Optional.ofNullable(typeByClass.get(type));
    }

    /** The class declaring this name, whatever the revision asked. */
    public Optional<Class<?>> classOf(String name) {
        return Optional.ofNullable(classByName.get(name));
    }

    /** Every declared event, by name. */
    public List<SerializedType> all() {
        return typeByClass.values().stream().sorted(Comparator.comparing(SerializedType::getName)).toList();
    }
}
