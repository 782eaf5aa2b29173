package org.jekafo.app.platform.messaging;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.GenericStreamingQueryMessage;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.axonframework.serialization.Serializer;
import org.jekafo.api.orgunit.FindOrgUnitQuery;
import org.jekafo.api.orgunit.FindOrgUnitsQuery;
import org.jekafo.api.orgunit.OrgUnitView;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestAxonServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import reactor.core.publisher.Flux;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every query handler answers with one typed result that crosses Axon Server unchanged. Through Axon Server a query
 * and its answer are serialized; the messages serializer (Jackson) writes an answer's class name only, so the
 * elements of a bare list come back as maps and {@code multipleInstancesOf} refuses them — every list-valued query
 * answered {@code INTERNAL_ERROR} in production while the embedded profiles, which never serialize a query, passed.
 *
 * <p>For each {@code @QueryHandler} method of the application (found in the compiled classes, so that a new one is
 * checked without being listed): its declared result is a record of the shared API, and a sample query and a sample
 * answer, sent with {@code instanceOf} of that record through the Axon Server connector's own serializers configured
 * with the application's, come back equal. Callers ask for {@code instanceOf} of the handler's declared result
 * ({@code ArchitectureTest} forbids the other response types), and every integration test sends its queries through
 * the same serializing bus ({@link SerializedQueries}), so a caller asking for another type fails there too.
 */
class QueryHandlerContractTest extends IntegrationTest {

    private static final String SHARED_API = "org.jekafo.api";

    private static List<Method> handlers;

    @Autowired
    @Qualifier("messageSerializer")
    private Serializer messageSerializer;

    @Autowired
    @Qualifier("serializer")
    private Serializer generalSerializer;

    @Autowired
    private ApplicationContext context;

    private AxonServerWire wire;

    @BeforeEach
    void connectorSerializers() {
        wire = new AxonServerWire(messageSerializer, generalSerializer);
    }

    static synchronized List<Method> handlers() {
        if (handlers == null) {
            handlers = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                    .importPackages("org.jekafo").stream()
                    .flatMap(type -> type.getMethods().stream())
                    .filter(method -> method.isAnnotatedWith(QueryHandler.class))
                    .map(JavaMethod::reflect)
                    .sorted(Comparator.comparing(Method::toGenericString))
                    .toList();
        }
        return handlers;
    }

    static List<Named<Method>> namedHandlers() {
        return handlers().stream().filter(method -> !streaming(method)).map(QueryHandlerContractTest::named).toList();
    }

    /** Handlers of streaming queries (exports): they answer a {@code Flux} of records, one at a time. */
    static List<Named<Method>> namedStreamingHandlers() {
        return handlers().stream().filter(QueryHandlerContractTest::streaming).map(QueryHandlerContractTest::named)
                .toList();
    }

    private static Named<Method> named(Method method) {
        return Named.of(method.getDeclaringClass().getSimpleName() + " answers "
                + method.getParameterTypes()[0].getSimpleName(), method);
    }

    private static boolean streaming(Method handler) {
        return Flux.class.equals(handler.getReturnType());
    }

    @Test
    void theApplicationsQueryHandlersAreFound() {
        assertThat(handlers()).extracting(method -> method.getParameterTypes()[0].getSimpleName())
                .contains("FindMemberQuery", "FindMembersQuery", "CountMembersQuery", "FindMemberHistoryQuery",
                        "FindOrgUnitQuery", "FindOrgUnitsQuery", "FindHistoryQuery");
        assertThat(namedStreamingHandlers()).extracting(named -> named.getPayload().getParameterTypes()[0]
                .getSimpleName()).containsExactlyInAnyOrder("StreamAuditTrailQuery", "StreamMembersQuery");
    }

    @Test
    void integrationTestsSendTheirQueriesThroughTheSerializingBus() {
        assertThat(context.getBean(QueryBus.class)).isInstanceOf(TestAxonServer.profileActive()
                ? org.axonframework.axonserver.connector.query.AxonServerQueryBus.class : SerializingQueryBus.class);
    }

    @ParameterizedTest
    @MethodSource({"namedHandlers", "namedStreamingHandlers"})
    void handlerIsABeanOfTheApplication(Method handler) {
        assertThat(context.getBeanNamesForType(handler.getDeclaringClass())).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("namedHandlers")
    void handlerDeclaresOneTypedResult(Method handler) {
        assertThat(untypedResult(handler)).isNull();
    }

    @ParameterizedTest
    @MethodSource("namedHandlers")
    void sampleQueryAndAnswerCrossAxonServerUnchanged(Method handler) {
        Samples samples = new Samples();
        Object query = samples.of(handler.getParameterTypes()[0]);
        Object answer = samples.of(handler.getGenericReturnType());
        AtomicReference<Object> received = new AtomicReference<>();

        Object answered = throughAxonServer(handler, ResponseTypes.instanceOf(handler.getReturnType()), query, answer,
                received);

        assertThat(received.get()).isEqualTo(query);
        assertThat(answered).isEqualTo(answer);
    }

    @ParameterizedTest
    @MethodSource("namedStreamingHandlers")
    void streamedRecordsCrossAxonServerUnchangedOneByOne(Method handler) {
        Samples samples = new Samples();
        Object query = samples.of(handler.getParameterTypes()[0]);
        Type element = ((ParameterizedType) handler.getGenericReturnType()).getActualTypeArguments()[0];
        Object answer = samples.of(element);
        assertThat(element).isInstanceOf(Class.class);
        assertThat(((Class<?>) element).isRecord() && ((Class<?>) element).getPackageName().startsWith(SHARED_API))
                .as("%s streams records of %s", handler, SHARED_API).isTrue();
        AtomicReference<Object> received = new AtomicReference<>();
        SimpleQueryBus local = SimpleQueryBus.builder().build();
        local.subscribe(queryName(handler), handler.getGenericReturnType(), message -> {
            received.set(message.getPayload());
            return Flux.just(answer, answer);
        });
        QueryBus bus = new SerializingQueryBus(local, () -> wire);

        List<Object> answered = Flux.from(bus.streamingQuery(new GenericStreamingQueryMessage<>(query,
                queryName(handler), (Class<?>) element))).<Object>map(Message::getPayload).collectList()
                .block(Duration.ofSeconds(5));

        assertThat(received.get()).isEqualTo(query);
        assertThat(answered).containsExactly(answer, answer);
    }

    @ParameterizedTest
    @MethodSource("namedHandlers")
    void noAnswerCrossesAxonServerAsNull(Method handler) {
        Object query = new Samples().of(handler.getParameterTypes()[0]);

        assertThat(throughAxonServer(handler, ResponseTypes.instanceOf(handler.getReturnType()), query, null,
                new AtomicReference<>())).isNull();
    }

    /** How {@code orgUnits} was answered before: a bare list, asked for with {@code multipleInstancesOf}. */
    static class ListAnsweringQueries {

        @QueryHandler
        List<OrgUnitView> handle(FindOrgUnitsQuery query) {
            return List.of();
        }
    }

    @Test
    void aListAnswerIsRefusedAsUntyped() throws NoSuchMethodException {
        assertThat(untypedResult(listAnsweringHandler())).contains("List");
    }

    @Test
    void aListAnswerFailsAcrossAxonServerAsItDidInProduction() throws NoSuchMethodException {
        Method handler = listAnsweringHandler();
        Samples samples = new Samples();
        Object query = samples.of(FindOrgUnitsQuery.class);
        Object answer = samples.of(handler.getGenericReturnType());

        assertThatThrownBy(() -> throughAxonServer(handler, ResponseTypes.multipleInstancesOf(OrgUnitView.class), query,
                answer, new AtomicReference<>()))
                .hasMessageContaining("Retrieved response [class java.util.ArrayList] is not convertible to a List "
                        + "of the expected response type [class " + OrgUnitView.class.getName() + "]");
    }

    @Test
    void aListAnswerPassesOnTheEmbeddedBusWhichIsWhyNoTestSawIt() throws NoSuchMethodException {
        Method handler = listAnsweringHandler();
        Object answer = new Samples().of(handler.getGenericReturnType());
        SimpleQueryBus embedded = busAnswering(handler, answer, new AtomicReference<>());

        assertThat(embedded.query(new GenericQueryMessage<>(new FindOrgUnitsQuery(null, null, true),
                ResponseTypes.multipleInstancesOf(OrgUnitView.class))).join().getPayload()).isEqualTo(answer);
    }

    @Test
    void subscriptionQueryAnswerAndUpdatesCrossAxonServerUnchanged() {
        Samples samples = new Samples();
        OrgUnitView initial = (OrgUnitView) samples.of(OrgUnitView.class);
        OrgUnitView update = (OrgUnitView) samples.of(OrgUnitView.class);
        SimpleQueryBus local = SimpleQueryBus.builder().build();
        local.subscribe(FindOrgUnitQuery.class.getName(), OrgUnitView.class, message -> initial);
        QueryBus bus = new SerializingQueryBus(local, () -> wire);

        SubscriptionQueryResult<QueryResponseMessage<OrgUnitView>, SubscriptionQueryUpdateMessage<OrgUnitView>> result =
                bus.subscriptionQuery(new GenericSubscriptionQueryMessage<>(new FindOrgUnitQuery("ou-sg", null),
                        ResponseTypes.instanceOf(OrgUnitView.class), ResponseTypes.instanceOf(OrgUnitView.class)));
        local.queryUpdateEmitter().emit(FindOrgUnitQuery.class, query -> true, update);

        assertThat(result.initialResult().map(Message::getPayload).block(Duration.ofSeconds(5))).isEqualTo(initial);
        assertThat(result.updates().map(Message::getPayload).blockFirst(Duration.ofSeconds(5))).isEqualTo(update);
        result.cancel();
    }

    /** Why the handler's declared result would not cross Axon Server typed, or null when it would. */
    private static String untypedResult(Method handler) {
        Class<?> result = handler.getReturnType();
        if (!(handler.getGenericReturnType() instanceof Class<?>) || !result.isRecord()
                || !result.getPackageName().startsWith(SHARED_API)) {
            return handler.getDeclaringClass().getSimpleName() + " answers " + handler.getGenericReturnType()
                    .getTypeName() + ": answer with one record of " + SHARED_API + " (wrap a List in a record, answer "
                    + "null rather than an empty Optional), asked for with ResponseTypes.instanceOf; a serialized "
                    + "answer carries its class name only";
        }
        return null;
    }

    private static Method listAnsweringHandler() throws NoSuchMethodException {
        return ListAnsweringQueries.class.getDeclaredMethod("handle", FindOrgUnitsQuery.class);
    }

    /** {@code answer} as the sender reads it when the handler answers it through Axon Server. */
    private Object throughAxonServer(Method handler, ResponseType<?> asked, Object query, Object answer,
                                     AtomicReference<Object> received) {
        QueryBus bus = new SerializingQueryBus(busAnswering(handler, answer, received), () -> wire);
        return bus.query(new GenericQueryMessage<>(query, queryName(handler), asked)).join().getPayload();
    }

    /** A local bus on which a stand-in for {@code handler} (same query, same result type) answers {@code answer}. */
    private static SimpleQueryBus busAnswering(Method handler, Object answer, AtomicReference<Object> received) {
        SimpleQueryBus local = SimpleQueryBus.builder().build();
        local.subscribe(queryName(handler), handler.getGenericReturnType(), message -> {
            received.set(message.getPayload());
            return answer;
        });
        return local;
    }

    private static String queryName(Method handler) {
        String declared = handler.getAnnotation(QueryHandler.class).queryName();
        return declared.isEmpty() ? handler.getParameterTypes()[0].getName() : declared;
    }
}
