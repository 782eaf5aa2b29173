package org.jekafo.schema;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema is the front-end teams' documentation: it parses, and everything in it is described. */
class SchemaDocumentationTest {

    private static TypeDefinitionRegistry registry;

    @BeforeAll
    static void parse() throws IOException {
        registry = new TypeDefinitionRegistry();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:graphql/*.graphqls")) {
            try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                registry.merge(new SchemaParser().parse(reader));
            }
        }
    }

    @Test
    void everyTypeIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        registry.types().values().stream().filter(t -> !(t instanceof ObjectTypeExtensionDefinition))
                .filter(t -> !t.getName().equals("Query") && !t.getName().equals("Mutation"))
                .forEach(t -> {
                    Description description = null;
                    if (t instanceof ObjectTypeDefinition o) {
                        description = o.getDescription();
                    } else if (t instanceof InputObjectTypeDefinition i) {
                        description = i.getDescription();
                    } else if (t instanceof EnumTypeDefinition e) {
                        description = e.getDescription();
                    } else if (t instanceof InterfaceTypeDefinition i) {
                        description = i.getDescription();
                    }
                    if (blank(description)) {
                        undescribed.add(t.getName());
                    }
                });
        registry.scalars().values().stream().filter(s -> s.getSourceLocation() != null)
                .filter(s -> blank(((ScalarTypeDefinition) s).getDescription())).forEach(s -> undescribed.add(s.getName()));
        assertThat(undescribed).isEmpty();
    }

    @Test
    void everyFieldArgumentAndOperationIsDescribed() {
        List<String> undescribed = new ArrayList<>();
        registry.types().values().forEach(type -> {
            if (type instanceof ObjectTypeDefinition object) {
                fields(object.getName(), object.getFieldDefinitions(), undescribed);
            }
            if (type instanceof InterfaceTypeDefinition contract) {
                fields(contract.getName(), contract.getFieldDefinitions(), undescribed);
            }
            if (type instanceof InputObjectTypeDefinition input) {
                input.getInputValueDefinitions().stream().filter(v -> blank(v.getDescription()))
                        .forEach(v -> undescribed.add(input.getName() + "." + v.getName()));
            }
            if (type instanceof EnumTypeDefinition enumeration) {
                enumeration.getEnumValueDefinitions().stream().filter(v -> blank(v.getDescription()))
                        .forEach(v -> undescribed.add(enumeration.getName() + "." + v.getName()));
            }
        });
        registry.objectTypeExtensions().forEach((name, extensions) ->
                extensions.forEach(extension -> fields(name, extension.getFieldDefinitions(), undescribed)));
        registry.enumTypeExtensions().forEach((name, extensions) -> extensions.forEach(extension ->
                extension.getEnumValueDefinitions().stream().filter(v -> blank(v.getDescription()))
                        .forEach(v -> undescribed.add(name + "." + v.getName()))));
        assertThat(undescribed).isEmpty();
    }

    @Test
    void everyMutationTakesOneInputAndAnswersAPayloadOfItsName() {
        List<FieldDefinition> mutations = new ArrayList<>(((ObjectTypeDefinition) registry.getType("Mutation").orElseThrow())
                .getFieldDefinitions());
        registry.objectTypeExtensions().getOrDefault("Mutation", List.of())
                .forEach(extension -> mutations.addAll(extension.getFieldDefinitions()));
        assertThat(mutations).isNotEmpty().allSatisfy(mutation -> {
            String capitalised = Character.toUpperCase(mutation.getName().charAt(0)) + mutation.getName().substring(1);
            assertThat(mutation.getInputValueDefinitions()).extracting(InputValueDefinition::getName)
                    .containsExactly("input");
            assertThat(mutation.getType().toString()).contains(capitalised + "Payload");
        });
    }

    private static void fields(String owner, List<FieldDefinition> fields, List<String> undescribed) {
        for (FieldDefinition field : fields) {
            if (blank(field.getDescription())) {
                undescribed.add(owner + "." + field.getName());
            }
            field.getInputValueDefinitions().stream().filter(a -> blank(a.getDescription()) && !owner.equals("Query")
                            && !a.getName().equals("input"))
                    .forEach(a -> undescribed.add(owner + "." + field.getName() + "(" + a.getName() + ")"));
        }
    }

    private static boolean blank(Description description) {
        return description == null || description.getContent() == null || description.getContent().isBlank();
    }
}
