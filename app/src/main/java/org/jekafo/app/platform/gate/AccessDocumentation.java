package org.jekafo.app.platform.gate;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.jekafo.app.platform.gate.AccessRules.Rule;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Appends to the description of every operation who may run it, written from {@link AccessRules} itself, so
 * the schema front-end teams read ({@code /graphql/schema}, GraphiQL) never disagrees with what is enforced.
 */
@Component
class AccessDocumentation implements GraphQlSourceBuilderCustomizer {

    static final String HEADING = "Accès : ";

    private final AccessRules rules;

    AccessDocumentation(AccessRules rules) {
        this.rules = rules;
    }

    @Override
    public void customize(GraphQlSource.SchemaResourceBuilder builder) {
        builder.typeVisitorsToTransformSchema(List.of(new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                                                                TraverserContext<GraphQLSchemaElement> context) {
                if (context.getParentNode() instanceof GraphQLObjectType parent
                        && List.of("Query", "Mutation", "Subscription").contains(parent.getName())) {
                    String text = rules.of(parent.getName() + "." + field.getName()).map(AccessDocumentation::describe)
                            .orElse("personne (aucune règle d'accès).");
                    String description = field.getDescription() == null ? "" : field.getDescription().strip() + "\n\n";
                    return changeNode(context, field.transform(f -> f.description(description + HEADING + text)));
                }
                return TraversalControl.CONTINUE;
            }
        }));
    }

    static String describe(Rule rule) {
        return rule.roles().stream().sorted().map(role -> role.label() + reach(role, rule))
                .collect(Collectors.joining(", ")) + ".";
    }

    private static String reach(Role role, Rule rule) {
        if (!rule.bounded()) {
            return "";
        }
        return switch (role) {
            case MEMBER -> " (sa propre fiche)";
            case FIELD_AGENT -> " (son unité)";
            case CHAPTER_OFFICER -> " (sa section et ses unités)";
            default -> "";
        };
    }
}
