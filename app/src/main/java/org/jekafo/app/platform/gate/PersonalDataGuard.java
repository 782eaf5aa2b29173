package org.jekafo.app.platform.gate;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import org.jekafo.api.common.Masks;
import org.jekafo.api.common.PersonalDataView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.reactivestreams.Publisher;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * GraphQL's refinement of {@link PersonalDataDisclosure}, per field of any object that shows personal data
 * ({@link PersonalDataView}, e.g. a member): for auditors and administrators phone numbers and national IDs come
 * masked unless an auditor asks for them in clear ({@code unmasked: true}), and every member of whom they read
 * anything is recorded in the {@link PersonalDataAccessLog} before the answer leaves the server: names, gender, birth year, phone,
 * national ID, disability, status and its reason, history… and even its id or card number alone, since a member
 * listed by a filter (gender, status, trade, unit) is shown to have what the filter asked for. If the record
 * cannot be written, the answer carries no data. A subscription's results are recorded one by one, each before it
 * is sent.
 */
@Component
class PersonalDataGuard extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataGuard.class);

    private final PrincipalProvider principals;
    private final PersonalDataAccessLog log;

    PersonalDataGuard(PrincipalProvider principals, PersonalDataAccessLog log) {
        this.principals = principals;
        this.log = log;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        ExecutionStepInfo step = parameters.getExecutionStepInfo();
        String field = step.getFieldDefinition().getName();
        if (step.getPath().getLevel() <= 1 || field.equals("__typename")) {
            return fetcher; // a root field has no source; its query's answer is masked and journaled on the bus
        }
        return environment -> environment.getSource() instanceof PersonalDataView<?> view
                ? viewField(fetcher, environment, field, view) : fetcher.get(environment);
    }

    /** A field of a result that shows personal data: journaled for an overseer, masked unless asked otherwise. */
    private Object viewField(DataFetcher<?> fetcher, DataFetchingEnvironment environment, String field,
                             PersonalDataView<?> view) throws Exception {
        ActingPrincipal overseer = overseer(environment);
        if (overseer == null) {
            return fetcher.get(environment);
        }
        boolean unmasked = Masks.masks(field) && Boolean.TRUE.equals(environment.getArgument("unmasked"));
        if (unmasked && overseer.role() != Role.AUDITOR) {
            throw AccessRefusedException.forbidden(field, "Seul un auditeur peut lire en clair le téléphone ou "
                    + "l'identité nationale d'un membre.");
        }
        for (String subject : view.dataSubjects()) {
            reads(environment).add(overseer, subject, PersonalDataReads.operation(environment), unmasked);
        }
        Object value = fetcher.get(environment);
        return Masks.masks(field) && !unmasked ? mask(field, value) : value;
    }

    /** The caller when their personal-data reads are masked and recorded, else null. */
    private ActingPrincipal overseer(DataFetchingEnvironment environment) {
        ActingPrincipal principal = principals.of(environment.getGraphQlContext());
        return principal.role().overseer() ? principal : null;
    }

    static Object mask(String field, Object value) {
        return value instanceof String text ? Masks.field(field, text) : value;
    }

    private static PersonalDataReads reads(DataFetchingEnvironment environment) {
        return PersonalDataReads.of(environment.getGraphQlContext());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        PersonalDataReads reads = new PersonalDataReads();
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.<Object, Object>of(PersonalDataReads.class, reads)).build());
        return chain.next(request).map(response -> {
            if (response.getData() instanceof Publisher<?> results) {
                return response.transform(builder -> builder.data(journaledOneByOne(results, reads)));
            }
            if (reads.all().isEmpty()) {
                return response;
            }
            try {
                log.record(reads.reader(), reads.all());
                return response;
            } catch (RuntimeException e) {
                LOG.error("Personal-data reads could not be recorded; the answer is withheld", e);
                return response.transform(builder -> builder.data(null).errors(List.of(journalUnavailable())));
            }
        });
    }

    /**
     * A subscription's results, each sent once the reads made to render it are recorded; a result whose reads cannot
     * be recorded is withheld, and the subscription ends with that error.
     */
    @SuppressWarnings("unchecked")
    private Flux<ExecutionResult> journaledOneByOne(Publisher<?> results, PersonalDataReads reads) {
        return Flux.from((Publisher<ExecutionResult>) results).map(result -> {
            Collection<PersonalDataReads.Read> rendered = reads.drain();
            if (!rendered.isEmpty()) {
                try {
                    log.record(reads.reader(), rendered);
                } catch (RuntimeException e) {
                    LOG.error("Personal-data reads could not be recorded; the subscription's result is withheld", e);
                    throw new SubscriptionPublisherException(List.of(journalUnavailable()), e);
                }
            }
            return result;
        });
    }

    private static GraphQLError journalUnavailable() {
        return GraphqlErrorBuilder.newError().errorType(ErrorType.INTERNAL_ERROR)
                .message("Le journal des lectures de données personnelles est indisponible : la réponse est "
                        + "retenue. Réessayez dans quelques instants.")
                .extensions(Map.of("code", "SERVICE_UNAVAILABLE", "classification",
                        ErrorType.INTERNAL_ERROR.name())).build();
    }
}
