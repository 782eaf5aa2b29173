package org.jekafo.app.security;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import org.jekafo.api.common.PersonalData;
import org.jekafo.api.membership.FieldChange;
import org.jekafo.api.membership.MemberView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Personal data seen by auditors and administrators: phone numbers and national IDs come masked unless an
 * auditor asks for them in clear ({@code unmasked: true}), and every member of whom they read anything is recorded
 * in the {@link PersonalDataAccessLog} before the answer leaves the server: names, gender, birth year, phone,
 * national ID, disability, status and its reason, history… and even its id or card number alone, since a member
 * listed by a filter (gender, status, trade, unit) is shown to have what the filter asked for. If the record
 * cannot be written, the answer carries no data.
 */
@Component
class PersonalDataGuard extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataGuard.class);

    private static final Set<String> MASKED_FIELDS = Set.of("phone", "nationalId");
    private static final char HIDDEN = '•';

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
        String type = step.getObjectType().getName();
        String field = step.getFieldDefinition().getName();
        if (type.equals("Member") && field.equals("history")) {
            return environment -> read(fetcher, environment, ((MemberView) environment.getSource()).memberId());
        }
        if (type.equals("Member") && !field.equals("__typename")) {
            return environment -> memberField(fetcher, environment, field);
        }
        if (type.equals("Query") && field.equals("memberHistory")) {
            return environment -> read(fetcher, environment, environment.getArgument("id"));
        }
        if (type.equals("FieldChange") && field.equals("value")) {
            return environment -> {
                FieldChange change = environment.getSource();
                Object value = fetcher.get(environment);
                return overseer() != null && MASKED_FIELDS.contains(change.field()) ? mask(change.field(), value) : value;
            };
        }
        return fetcher;
    }

    private Object memberField(DataFetcher<?> fetcher, DataFetchingEnvironment environment, String field) throws Exception {
        ActingPrincipal overseer = overseer();
        if (overseer == null) {
            return fetcher.get(environment);
        }
        boolean unmasked = MASKED_FIELDS.contains(field) && Boolean.TRUE.equals(environment.getArgument("unmasked"));
        if (unmasked && overseer.role() != Role.AUDITOR) {
            throw AccessRefusedException.forbidden(field, "Seul un auditeur peut lire en clair le téléphone ou "
                    + "l'identité nationale d'un membre.");
        }
        MemberView member = environment.getSource();
        reads(environment).add(overseer, member.memberId(), operation(environment), unmasked);
        Object value = fetcher.get(environment);
        return MASKED_FIELDS.contains(field) && !unmasked ? mask(field, value) : value;
    }

    private Object read(DataFetcher<?> fetcher, DataFetchingEnvironment environment, String memberId) throws Exception {
        ActingPrincipal overseer = overseer();
        if (overseer != null && memberId != null) {
            reads(environment).add(overseer, memberId, operation(environment), false);
        }
        return fetcher.get(environment);
    }

    /** The caller when their personal-data reads are masked and recorded, else null. */
    private ActingPrincipal overseer() {
        ActingPrincipal principal = principals.current();
        return principal.role().overseer() ? principal : null;
    }

    static Object mask(String field, Object value) {
        if (!(value instanceof String text) || text.length() < 4 || text.equals(PersonalData.ERASED)) {
            return value;
        }
        int keepStart = field.equals("phone") ? Math.min(6, text.length() - 2) : 0;
        int keepEnd = field.equals("phone") ? 2 : 3;
        StringBuilder masked = new StringBuilder(text.substring(0, keepStart));
        masked.append(String.valueOf(HIDDEN).repeat(text.length() - keepStart - keepEnd));
        return masked.append(text, text.length() - keepEnd, text.length()).toString();
    }

    private static String operation(DataFetchingEnvironment environment) {
        ExecutionStepInfo step = environment.getExecutionStepInfo();
        while (step.getParent() != null && step.getParent().getPath().getLevel() > 0) {
            step = step.getParent();
        }
        return step.getFieldDefinition().getName();
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
            if (reads.all().isEmpty()) {
                return response;
            }
            try {
                log.record(reads.reader(), reads.all());
                return response;
            } catch (RuntimeException e) {
                LOG.error("Personal-data reads could not be recorded; the answer is withheld", e);
                GraphQLError error = GraphqlErrorBuilder.newError().errorType(ErrorType.INTERNAL_ERROR)
                        .message("Le journal des lectures de données personnelles est indisponible : la réponse est "
                                + "retenue. Réessayez dans quelques instants.")
                        .extensions(Map.of("code", "SERVICE_UNAVAILABLE", "classification",
                                ErrorType.INTERNAL_ERROR.name())).build();
                return response.transform(builder -> builder.data(null).errors(List.of(error)));
            }
        });
    }
}
