package org.jekafo.app.platform.graphql;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The GraphQL contract front-end teams build on: the SDL the server serves, committed in
 * {@code graphql-schema/src/main/resources/contract/jekafo.graphqls} (and so published in that module's versioned
 * jar), the breaking changes declared in {@code contract/breaking-changes.txt}, and the rule that a field is
 * retired with {@code @deprecated} naming a date. Read with graphql-java's own schema diff.
 */
final class SchemaContract {

    static final Path FOLDER = Path.of("..", "graphql-schema", "src", "main", "resources", "contract");
    static final Path SDL = FOLDER.resolve("jekafo.graphqls");
    static final Path DECLARED = FOLDER.resolve("breaking-changes.txt");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private SchemaContract() {
    }

    /** A change that can break a client: where ({@code Type} or {@code Type.field}) and why. */
    record Breakage(String where, String why) {
        @Override
        public String toString() {
            return where + " : " + why;
        }
    }

    /** What in {@code now} can break a client written against {@code before}. */
    static List<Breakage> breakages(String before, String now) {
        CapturingReporter reporter = new CapturingReporter();
        new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(before, now), reporter);
        return reporter.getBreakages().stream().map(SchemaContract::breakage).toList();
    }

    private static Breakage breakage(DiffEvent event) {
        String where = event.getFieldName() == null ? event.getTypeName()
                : event.getTypeName() + "." + event.getFieldName();
        return new Breakage(where, event.getCategory() + " — " + event.getReasonMsg());
    }

    /** The breakages no line of {@code declared} names (a line: date, then {@code Type.field} or {@code Type}). */
    static List<Breakage> undeclared(List<Breakage> breakages, List<String> declared) {
        List<String> names = declared.stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+")).filter(parts -> parts.length >= 2 && DATE.matcher(parts[0]).matches())
                .map(parts -> parts[1]).toList();
        return breakages.stream().filter(breakage -> !names.contains(breakage.where())).toList();
    }

    /** Deprecated fields and enum values whose reason names no retirement date. */
    static List<String> undatedDeprecations(GraphQLSchema schema) {
        List<String> undated = new ArrayList<>();
        for (GraphQLType type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
                for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                    if (field.isDeprecated() && !dated(field.getDeprecationReason())) {
                        undated.add(object.getName() + "." + field.getName());
                    }
                }
            }
            if (type instanceof GraphQLEnumType enumType && !enumType.getName().startsWith("__")) {
                enumType.getValues().stream().filter(value -> value.isDeprecated() && !dated(value.getDeprecationReason()))
                        .forEach(value -> undated.add(enumType.getName() + "." + value.getName()));
            }
        }
        return undated;
    }

    private static boolean dated(String reason) {
        return reason != null && DATE.matcher(reason).find();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath(), e);
        }
    }
}
