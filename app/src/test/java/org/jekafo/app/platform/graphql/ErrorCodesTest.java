package org.jekafo.app.platform.graphql;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.jekafo.app.census.CensusFileException;
import org.jekafo.command.common.RefusalCodes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ErrorCode} lists every code the API can answer, so that a client generated from the SDL knows them all. */
class ErrorCodesTest {

    /** A code the command side uses between its own parts, never answered. */
    private static final List<String> INTERNAL = List.of(RefusalCodes.CARD_NUMBER_RACE);

    @Test
    void everyCodeOfTheCommandsAndOfTheApiIsInTheEnum() throws Exception {
        List<String> schemaCodes = errorCodesOfTheSchema();
        List<String> used = new ArrayList<>(constants(RefusalCodes.class));
        used.addAll(constants(CensusFileException.class));
        used.addAll(codesWrittenInTheApplication());
        used.removeAll(INTERNAL);

        assertThat(schemaCodes).containsAll(used);
    }

    private static List<String> errorCodesOfTheSchema() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("..", "graphql-schema", "src", "main", "resources", "graphql"))) {
            for (Path file : files.toList()) {
                registry.merge(new SchemaParser().parse(Files.readString(file)));
            }
        }
        EnumTypeDefinition errorCode = registry.getType("ErrorCode", EnumTypeDefinition.class).orElseThrow();
        return errorCode.getEnumValueDefinitions().stream().map(EnumValueDefinition::getName).toList();
    }

    private static List<String> constants(Class<?> type) throws IllegalAccessException {
        List<String> values = new ArrayList<>();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                values.add((String) field.get(null));
            }
        }
        return values;
    }

    /** Codes the application writes as literals where it refuses: {@code ("CODE", …} and {@code code", "CODE"}. */
    private static List<String> codesWrittenInTheApplication() throws IOException {
        Pattern refusal = Pattern.compile("(?:Exception\\(|Refusal\\(|refused\\(|\\d{3}, )\"([A-Z][A-Z_]{3,})\"");
        List<String> codes = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = refusal.matcher(Files.readString(source));
                while (matcher.find()) {
                    codes.add(matcher.group(1));
                }
            }
        }
        assertThat(codes).as("codes found in the sources").contains("INVALID_INPUT", "NOT_FOUND", "QUERY_TOO_LARGE");
        return codes;
    }
}
