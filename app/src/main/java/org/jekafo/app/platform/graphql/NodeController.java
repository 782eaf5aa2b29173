package org.jekafo.app.platform.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.TypeResolver;
import org.jekafo.app.platform.gate.AccessRules;
import org.jekafo.app.platform.gate.PrincipalProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code node(id:)} and {@code nodes(ids:)}: any object refetched by its global id, whatever its type. */
@Controller
class NodeController {

    static final int MAX_IDS = 100;

    private final Map<String, NodeKind> kinds;
    private final AccessRules rules;
    private final PrincipalProvider principals;

    NodeController(List<NodeKind> kinds, AccessRules rules, PrincipalProvider principals) {
        this.rules = rules;
        this.principals = principals;
        this.kinds = kinds.stream().collect(Collectors.toMap(NodeKind::typeName, Function.identity()));
    }

    @QueryMapping
    Object node(@Argument String id, DataFetchingEnvironment environment) {
        return load(id, environment);
    }

    @QueryMapping
    List<Object> nodes(@Argument List<String> ids, DataFetchingEnvironment environment) {
        if (ids.size() > MAX_IDS) {
            throw new InvalidInputException("TOO_MANY_VALUES", "ids", "Au plus " + MAX_IDS + " identifiants par requête.");
        }
        List<Object> found = new ArrayList<>();
        ids.forEach(id -> found.add(load(id, environment)));
        return found;
    }

    private Object load(String id, DataFetchingEnvironment environment) {
        GlobalIds.GlobalId global = GlobalIds.parse(id).filter(parsed -> kinds.containsKey(parsed.type()))
                .orElseThrow(() -> new InvalidInputException("INVALID_ID", "id",
                        "Cet identifiant ne désigne aucun objet : utilisez le champ `id` reçu de l'API."));
        NodeKind kind = kinds.get(global.type());
        rules.authorize(kind.readBy(), principals.of(environment.getGraphQlContext()));
        return kind.load(global.identifier(), environment);
    }

    /** Which type implementing {@code Node} an object is, from the class that represents it. */
    @Bean
    static RuntimeWiringConfigurer nodeTypes(List<NodeKind> kinds) {
        TypeResolver resolver = environment -> kinds.stream()
                .filter(kind -> kind.representedBy().isInstance(environment.getObject()))
                .findFirst().map(kind -> environment.getSchema().getObjectType(kind.typeName())).orElse(null);
        return wiring -> wiring.type("Node", type -> type.typeResolver(resolver));
    }
}
