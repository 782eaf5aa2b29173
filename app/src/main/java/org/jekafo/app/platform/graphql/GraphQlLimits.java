package org.jekafo.app.platform.graphql;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Field;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Limits that keep one request from exhausting the server (OWASP GraphQL cheat sheet): document size,
 * aliases, depth, complexity (list fields weighted by the page they ask for) and a time limit. A request
 * over a limit is refused before it runs, with a typed error in French.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlLimits {

    /** Weight of a list field that does not say how many items it wants (trades, dues, history…). */
    static final int DEFAULT_LIST_WEIGHT = 5;

    @Bean
    Instrumentation documentLimits(@Value("${jekafo.graphql.max-characters:20000}") int maxCharacters,
                                   @Value("${jekafo.graphql.max-aliases:30}") int maxAliases) {
        return new Instrumentation() {
            @Override
            public ExecutionInput instrumentExecutionInput(ExecutionInput input,
                                                           InstrumentationExecutionParameters parameters,
                                                           InstrumentationState state) {
                if (input.getQuery().length() > maxCharacters) {
                    throw refused("QUERY_TOO_LARGE", "La requête compte " + input.getQuery().length()
                            + " caractères ; au plus " + maxCharacters + " sont acceptés.");
                }
                return input;
            }

            @Override
            public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables document,
                                                                       InstrumentationExecutionParameters parameters,
                                                                       InstrumentationState state) {
                AtomicInteger aliases = new AtomicInteger();
                new NodeTraverser().preOrder(new NodeVisitorStub() {
                    @Override
                    public TraversalControl visitField(Field field, TraverserContext<graphql.language.Node> context) {
                        if (field.getAlias() != null) {
                            aliases.incrementAndGet();
                        }
                        return TraversalControl.CONTINUE;
                    }
                }, document.getDocument());
                if (aliases.get() > maxAliases) {
                    throw refused("TOO_MANY_ALIASES", "La requête utilise " + aliases.get()
                            + " alias ; au plus " + maxAliases + " sont acceptés.");
                }
                return document;
            }
        };
    }

    @Bean
    MaxQueryDepthInstrumentation depthLimit(@Value("${jekafo.graphql.max-depth:12}") int maxDepth) {
        return new MaxQueryDepthInstrumentation(maxDepth, info -> {
            throw refused("QUERY_TOO_DEEP", "La requête a " + info.getDepth() + " niveaux d'imbrication ; au plus "
                    + maxDepth + " sont acceptés.");
        });
    }

    @Bean
    MaxQueryComplexityInstrumentation complexityLimit(@Value("${jekafo.graphql.max-complexity:50000}") int maxComplexity) {
        FieldComplexityCalculator weighted = (environment, childComplexity) -> {
            Object first = environment.getArguments().get("first");
            Object last = environment.getArguments().get("last");
            // a connection read either way (first or last, both optional) serves a page of the default size
            Object size = first != null ? first : last != null ? last
                    : environment.getFieldDefinition().getArgument("last") != null ? PageInfo.DEFAULT_SIZE : null;
            boolean list = graphql.schema.GraphQLTypeUtil.isList(
                    graphql.schema.GraphQLTypeUtil.unwrapNonNull(environment.getFieldDefinition().getType()));
            // a connection's page size weighs on the connection; its edges are that page, not a further list
            boolean edges = environment.getField().getName().equals("edges");
            int weight = size instanceof Integer page ? Math.max(page, 1) : list && !edges ? DEFAULT_LIST_WEIGHT : 1;
            return 1 + childComplexity * weight;
        };
        return new MaxQueryComplexityInstrumentation(maxComplexity, weighted, info -> {
            throw refused("QUERY_TOO_COMPLEX", "La requête est trop coûteuse (complexité " + info.getComplexity()
                    + " ; au plus " + maxComplexity + "). Demandez des pages plus petites ou moins de champs.");
        });
    }

    @Bean
    TimeoutWebGraphQlInterceptor requestTimeout(@Value("${jekafo.graphql.timeout:30s}") Duration timeout) {
        return new TimeoutWebGraphQlInterceptor(timeout);
    }

    private static AbortExecutionException refused(String code, String message) {
        GraphQLError error = GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(message)
                .extensions(Map.of("code", code, "classification", ErrorType.BAD_REQUEST.name())).build();
        return new AbortExecutionException(List.of(error));
    }
}
