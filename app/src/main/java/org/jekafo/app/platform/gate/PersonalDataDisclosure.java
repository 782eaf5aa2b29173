package org.jekafo.app.platform.gate;

import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.schema.DataFetchingEnvironment;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.jekafo.api.common.Masks;
import org.jekafo.api.common.PersonalDataView;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Personal data read by auditors and administrators, whatever channel asks: every query result that shows
 * personal data ({@link PersonalDataView}) is masked for them and each person in it journaled
 * ({@link PersonalDataAccessLog}) before it leaves the query bus — a handler interceptor, so no channel can read
 * around it. An auditor may ask for it in clear ({@link #unmasked()}); the read is then journaled as such.
 *
 * <p>GraphQL refines this per field ({@link PersonalDataGuard}): it asks the bus for clear data only when a field
 * asks {@code unmasked: true}, masks every other field itself, and journals the members it actually renders, all
 * at once before the answer leaves ({@link #forGraphQl}); an answer it does not render as such an object (a
 * history's entries) is journaled here under the GraphQL operation's name ({@link #forGraphQlAnswer}).
 */
@Component
public class PersonalDataDisclosure {

    /** Query metadata: {@code true} when the sender asks for phone numbers and national ids in clear. */
    static final String UNMASKED = "disclosureUnmasked";
    /** Query metadata: {@code request} when the channel journals what it shows, at a finer grain, itself. */
    static final String JOURNAL = "disclosureJournal";
    private static final String BY_REQUEST = "request";
    /** Query metadata: the operation the journal names (else the query's type). */
    static final String OPERATION = "disclosureOperation";

    /**
     * Whether a document names an {@code unmasked} argument anywhere, per parsed document (documents are parsed once
     * and kept, {@code ParsedDocuments}; a document is equal to itself only).
     */
    private static final Map<Document, Boolean> NAMES_UNMASKED = Collections.synchronizedMap(new WeakHashMap<>());

    private final PersonalDataAccessLog log;

    PersonalDataDisclosure(QueryBus queryBus, PersonalDataAccessLog log) {
        this.log = log;
        // registered here, not as a bean of the interceptor's type: Axon's auto-configuration would register it twice
        MessageHandlerInterceptor<QueryMessage<?, ?>> interceptor = this::handle;
        queryBus.registerHandlerInterceptor(interceptor);
    }

    /** Metadata of a query whose sender, an auditor, asks for phone numbers and national ids in clear. */
    public static Map<String, Object> unmasked() {
        return Map.of(UNMASKED, "true");
    }

    /**
     * Metadata of a query sent by a GraphQL field: the request journals what it renders, and the bus answers in
     * clear only when a field of the selection asks {@code unmasked: true}.
     */
    public static Map<String, Object> forGraphQl(DataFetchingEnvironment environment) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(JOURNAL, BY_REQUEST);
        // the argument defaults to false: a document that never names it asks nothing in clear, and the fields of the
        // selection (fragments and variables resolved, 7 % of a member read's CPU, JFR) need not be walked
        boolean unmasked = namesUnmasked(environment.getDocument())
                && environment.getSelectionSet().getFields("**").stream().anyMatch(field -> Masks.masks(field.getName())
                && Boolean.TRUE.equals(field.getArguments().get("unmasked")));
        if (unmasked) {
            metaData.put(UNMASKED, "true");
        }
        return metaData;
    }

    private static boolean namesUnmasked(Document document) {
        if (document == null) {
            return true;
        }
        return NAMES_UNMASKED.computeIfAbsent(document, parsed -> {
            boolean[] found = {false};
            new NodeTraverser().preOrder(new NodeVisitorStub() {
                @Override
                public TraversalControl visitArgument(Argument node, TraverserContext<Node> context) {
                    found[0] |= node.getName().equals("unmasked");
                    return TraversalControl.CONTINUE;
                }
            }, parsed);
            return found[0];
        });
    }

    /**
     * Metadata of a query sent for GraphQL fields of objects that show personal data (a batch of members'
     * histories): the request journals those objects itself, and nothing comes back in clear.
     */
    public static Map<String, Object> journaledByRequest() {
        return Map.of(JOURNAL, BY_REQUEST);
    }

    /**
     * Metadata of a query sent by a root GraphQL field whose answer is not rendered as an object that shows
     * personal data (a history: its entries): the bus journals it under the field's name and masks it.
     */
    public static Map<String, Object> forGraphQlAnswer(DataFetchingEnvironment environment) {
        return Map.of(OPERATION, environment.getExecutionStepInfo().getFieldDefinition().getName());
    }

    private Object handle(UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        if (!(result instanceof PersonalDataView<?> view)) {
            return result;
        }
        QueryMessage<?, ?> query = unitOfWork.getMessage();
        ActingPrincipal reader = ActingPrincipal.in(query.getMetaData()).orElse(null);
        if (reader == null || !reader.role().overseer()) {
            return result;
        }
        boolean unmasked = reader.role() == Role.AUDITOR && "true".equals(query.getMetaData().get(UNMASKED));
        if (!BY_REQUEST.equals(query.getMetaData().get(JOURNAL))) {
            List<String> subjects = view.dataSubjects();
            if (!subjects.isEmpty()) {
                Object named = query.getMetaData().get(OPERATION);
                String operation = named instanceof String name ? name : query.getPayloadType().getSimpleName();
                log.record(reader, subjects.stream().map(subject -> new PersonalDataReads.Read(subject, operation,
                        unmasked)).toList());
            }
        }
        return unmasked ? result : view.masked();
    }
}
