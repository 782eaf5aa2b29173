package org.jekafo.app.platform.messaging;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sample value of a query or result type: records built with a value for every component (no null, two elements
 * per list, text with accents, instants to the nanosecond), each value different from the others so that swapped
 * fields show. A type it cannot build is refused with its name: add it here.
 */
final class Samples {

    private static final int MAX_DEPTH = 10;

    private int next;

    Object of(Type type) {
        return of(type, 0);
    }

    private Object of(Type type, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("no sample for a type nested this deep: " + type);
        }
        if (type instanceof ParameterizedType generic) {
            return container(generic, depth);
        }
        if (!(type instanceof Class<?> raw)) {
            throw new IllegalArgumentException("no sample for " + type + ": add one to Samples");
        }
        int n = ++next;
        if (raw == String.class) {
            return "Traoré-" + n;
        }
        if (raw == int.class || raw == Integer.class) {
            return 1_900 + n;
        }
        if (raw == long.class || raw == Long.class) {
            return 5_000_000_000L + n;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return n % 2 == 1;
        }
        if (raw == double.class || raw == Double.class) {
            return n + 0.25;
        }
        if (raw == Instant.class) {
            return Instant.parse("2025-01-31T10:15:30.123456789Z").plusSeconds(n);
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2025, 1, 31).plusDays(n);
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[n % constants.length];
        }
        if (raw.isRecord()) {
            return record(raw, depth);
        }
        throw new IllegalArgumentException("no sample for " + raw.getName() + ": add one to Samples");
    }

    private Object container(ParameterizedType generic, int depth) {
        Type raw = generic.getRawType();
        Type[] arguments = generic.getActualTypeArguments();
        if (raw == List.class || raw == Collection.class) {
            return List.of(of(arguments[0], depth + 1), of(arguments[0], depth + 1));
        }
        if (raw == Set.class) {
            return Set.of(of(arguments[0], depth + 1), of(arguments[0], depth + 1));
        }
        if (raw == Map.class) {
            return Map.of(of(arguments[0], depth + 1), of(arguments[1], depth + 1));
        }
        throw new IllegalArgumentException("no sample for " + generic + ": add one to Samples");
    }

    private Object record(Class<?> type, int depth) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = of(components[i].getGenericType(), depth + 1);
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot build a sample " + type.getName(), e);
        }
    }
}
