package org.jekafo.app;

import org.awaitility.core.ConditionFactory;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.jekafo.app.platform.identity.SigningKey;
import org.jekafo.app.platform.identity.TokenMinter;
import org.springframework.http.HttpHeaders;
import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the end-to-end tests do over HTTP: run a GraphQL document of {@code graphql-test/} and read its data or
 * its errors, plus the few look-ups every scenario needs. Not a test: each test class extending
 * {@link IntegrationTest} makes one from its server port.
 */
public final class TestApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static volatile boolean settled;

    private final WebTestClient web;
    private final HttpGraphQlTester graphQl;

    /** The executive bureau's principal, national: what the tests act as unless they say otherwise. */
    public static final ActingPrincipal BUREAU = new ActingPrincipal("bureau-test", Role.EXECUTIVE_BUREAU, null, null);

    /** An administrator: operations such as rebuilds. */
    public static final ActingPrincipal OPERATOR = new ActingPrincipal("admin-test", Role.ADMIN, null, null);
    /** An auditor. */
    public static final ActingPrincipal AUDITOR = new ActingPrincipal("auditrice-test", Role.AUDITOR, null, null);
    /** The field agent of Ségou's local unit SG-01. */
    public static final ActingPrincipal SEGOU_AGENT = new ActingPrincipal("agent-sg01", Role.FIELD_AGENT, "SG-01", null);
    /** The chapter officer of the Ségou region (SG and its local units). */
    public static final ActingPrincipal SEGOU_OFFICER = new ActingPrincipal("responsable-sg", Role.CHAPTER_OFFICER, "SG",
            null);

    /** Tokens minted with the key of the tests' data folder ({@link #token(ActingPrincipal)}). */
    public static final Tokens LOCAL_TOKENS = TestApi::localToken;

    private final int port;
    private final Tokens tokens;
    private final String token;

    /** Calls the API as {@link #BUREAU}, with {@link #defaultTokens()}. */
    public TestApi(int port) {
        this(port, defaultTokens());
    }

    /**
     * The tests' tokens: minted with the data folder's key; on the {@code axonserver} profile, which trusts only an
     * identity provider, Keycloak's ({@link TestKeycloak#TOKENS}).
     */
    public static Tokens defaultTokens() {
        return TestAxonServer.profileActive() ? TestKeycloak.TOKENS : LOCAL_TOKENS;
    }

    /** Calls the API as {@link #BUREAU}, with tokens from {@code tokens} (e.g. an identity provider's). */
    public TestApi(int port, Tokens tokens) {
        this(port, tokens, tokens.tokenFor(BUREAU));
    }

    private TestApi(int port, Tokens tokens, String token) {
        this.port = port;
        this.tokens = tokens;
        this.token = token;
        WebTestClient.Builder client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(TIMEOUT);
        if (token != null) {
            client.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        web = client.build();
        graphQl = HttpGraphQlTester.builder(web.mutate().baseUrl("http://localhost:" + port + "/graphql"))
                .responseTimeout(TIMEOUT).build();
    }

    /** The same API called with a token for {@code principal}, from the same source of tokens. */
    public TestApi as(ActingPrincipal principal) {
        return new TestApi(port, tokens, tokens.tokenFor(principal));
    }

    /** The same caller, with the same token, on another instance of the application (another port). */
    public TestApi onPort(int otherPort) {
        return new TestApi(otherPort, tokens, token);
    }

    /** The same API called with this very token. */
    public TestApi bearer(String token) {
        return new TestApi(port, tokens, token);
    }

    /** The same API called without a token. */
    public TestApi anonymous() {
        return new TestApi(port, tokens, null);
    }

    /**
     * A WebSocket connection to {@code /graphql} as this API's caller, the token in the {@code connection_init}
     * payload ({@code {"Authorization": "Bearer …"}}); without a token, a connection that presents none.
     */
    public LiveConnection live() {
        return LiveConnection.open(port, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    /** A WebSocket connection whose token is in the HTTP upgrade request's {@code Authorization} header only. */
    public LiveConnection liveWithUpgradeHeader() {
        return LiveConnection.openWithUpgradeHeader(port, token);
    }

    /** Where the tests' tokens come from: a principal in, a bearer token the server under test accepts out. */
    @FunctionalInterface
    public interface Tokens {

        String tokenFor(ActingPrincipal principal);
    }

    /** A token for {@code principal} that the server under test accepts ({@link #defaultTokens()}). */
    public static String token(ActingPrincipal principal) {
        return defaultTokens().tokenFor(principal);
    }

    /** A token for {@code principal}, signed with the key of the tests' data folder, as the server verifies it. */
    public static String localToken(ActingPrincipal principal) {
        return new TokenMinter(SigningKey.of(IntegrationTest.dataDir())).mint(principal, Duration.ofHours(1));
    }

    public WebTestClient web() {
        return web;
    }

    public HttpGraphQlTester graphQl() {
        return graphQl;
    }

    /** Runs a document with its variables and returns the whole response, errors included. */
    public Answer run(String document, Map<String, ?> variables) {
        GraphQlTester.Request<?> request = graphQl.documentName(document);
        FRAGMENTS.forEach((spread, fragmentFile) -> {
            if (documentText(document).contains(spread)) {
                request.fragmentName(fragmentFile);
            }
        });
        variables.forEach(request::variable);
        return new Answer(document, request.execute().returnResponse());
    }

    /** Runs a document given as text (for one-off questions a test asks), errors included. */
    public Answer runText(String documentText, Map<String, ?> variables) {
        GraphQlTester.Request<?> request = graphQl.document(documentText);
        variables.forEach(request::variable);
        return new Answer(documentText, request.execute().returnResponse());
    }

    /** Fragments shared by several documents, each in its own file of graphql-test/, by the spread using it. */
    private static final Map<String, String> FRAGMENTS = Map.of("...MemberFields", "memberFields",
            "...OrgUnitFields", "orgUnitFields", "...HistoryPageFields", "historyPageFields");

    private static String documentText(String document) {
        try (var in = TestApi.class.getResourceAsStream("/graphql-test/" + document + ".graphql")) {
            if (in == null) {
                throw new IllegalArgumentException("no document graphql-test/" + document + ".graphql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a document with one variable. */
    public Answer run(String document, String variable, Object value) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(variable, value);
        return run(document, variables);
    }

    /** Runs the mutation document of the same name with {@code input} and returns the member of its payload. */
    public Map<String, Object> mutateMember(String mutation, Map<String, Object> input) {
        return run(mutation, "input", input).data(mutation + ".member");
    }

    /** Runs the mutation of the same name with {@code input}, which must be refused with exactly one error. */
    public ResponseError refusal(String mutation, Map<String, Object> input) {
        return run(mutation, "input", input).singleError();
    }

    /** Registers a member (document {@code registerMemberFull}) and returns it as the payload shows it. */
    public Map<String, Object> register(Map<String, Object> input) {
        return run("registerMemberFull", "input", input).data("registerMember.member");
    }

    /** Sends a registration that must be refused with exactly one error. */
    public ResponseError registrationRefusal(Map<String, Object> input) {
        return run("registerMemberFull", "input", input).singleError();
    }

    public Map<String, Object> member(String id) {
        return run("member", "id", id).data("member");
    }

    public Map<String, Object> memberByCard(String cardNumber) {
        return run("member", "cardNumber", cardNumber).data("member");
    }

    public List<Map<String, Object>> history(String memberId) {
        return run("memberHistoryDetails", "id", memberId).data("memberHistory");
    }

    /**
     * One page of an aggregate's history ({@code aggregateHistory}, document of the same name): totalCount, pageInfo,
     * edges (cursor, node). {@code type} is {@code Member}, {@code OrgUnit}…; each paging argument may be null.
     */
    public Map<String, Object> historyPage(String type, String id, Integer first, String after, Integer last,
                                           String before) {
        return historyAnswer(type, id, first, after, last, before).data("aggregateHistory");
    }

    /** {@link #historyPage} as an answer, errors included. */
    public Answer historyAnswer(String type, String id, Integer first, String after, Integer last, String before) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("type", type);
        variables.put("id", id);
        variables.put("first", first);
        variables.put("after", after);
        variables.put("last", last);
        variables.put("before", before);
        return run("aggregateHistory", variables);
    }

    /** One page of {@code members}: totalCount, edges (cursor, node), pageInfo. */
    public Map<String, Object> members(Map<String, Object> filter, int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("filter", filter);
        variables.put("first", first);
        variables.put("after", after);
        return run("members", variables).data("members");
    }

    /** The nodes of the first page (up to 500) of members matching {@code filter}. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> memberList(Map<String, Object> filter) {
        List<Map<String, Object>> edges = (List<Map<String, Object>>) members(filter, 500, null).get("edges");
        return edges.stream().map(edge -> (Map<String, Object>) edge.get("node")).toList();
    }

    public int count(Map<String, Object> filter) {
        return ((Number) members(filter, 0, null).get("totalCount")).intValue();
    }

    public Map<String, Object> memberCounts(Map<String, Object> filter) {
        return run("memberCounts", "filter", filter).data("memberCounts");
    }

    /** The id of a unit by its code; a unit of the reference tree may take a moment to be indexed after start. */
    public String unitId(String code) {
        Map<String, Object> unit = await().atMost(Duration.ofSeconds(30))
                .until(() -> run("orgUnit", "code", code).<Map<String, Object>>data("orgUnit"), u -> u != null);
        return (String) unit.get("id");
    }

    public Map<String, Object> projection(String name) {
        List<Map<String, Object>> all = run("projections", Map.of()).data("projections");
        return all.stream().filter(p -> name.equals(p.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no projection " + name + " in " + all));
    }

    /** The events parked in a projection's dead-letter queue (its first 500), of one aggregate (all when null). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> deadLetters(String processor, String sequenceId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("processor", processor);
        variables.put("first", 500);
        Map<String, Object> page = run("deadLetters", variables).data("deadLetters");
        return ((List<Map<String, Object>>) page.get("edges")).stream().map(edge -> (Map<String, Object>) edge.get("node"))
                .filter(node -> sequenceId == null || sequenceId.equals(node.get("sequenceId"))).toList();
    }

    /** Position of the last event of the store: it moves exactly when an event is stored. */
    public long eventStoreHead() {
        Object head = projection("member-projection").get("head");
        return head == null ? -1 : ((Number) head).longValue();
    }

    /**
     * Waits until no projection is being rebuilt and every one has applied the whole event store. The first
     * time in this JVM it also waits for that to last a few seconds: just after start, the reference tree is
     * still being projected and an empty index may still be replaced by a rebuild (during which mutations do
     * not read their writes).
     */
    public void awaitProjectionsCaughtUp() {
        ConditionFactory wait = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200));
        if (!settled) {
            wait = wait.during(Duration.ofSeconds(4));
        }
        wait.until(() -> {
            List<Map<String, Object>> all = run("projections", Map.of()).data("projections");
            return all.stream().allMatch(p -> Boolean.FALSE.equals(p.get("rebuilding"))
                    && p.get("lag") != null && ((Number) p.get("lag")).longValue() == 0);
        });
        settled = true;
    }

    /** The identifier a global id names (what the event store, the directories and the buses use). */
    public static String identifierOf(Object globalId) {
        return org.jekafo.app.platform.graphql.GlobalIds.identifierOf((String) globalId);
    }

    /**
     * {@code value} (variables, an input) with every global id replaced by the identifier it names: what a message
     * sent straight to a bus carries, as the GraphQL layer decodes ids before it sends one.
     */
    @SuppressWarnings("unchecked")
    public static <T> T identifiers(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> decoded = new HashMap<>();
            map.forEach((key, entry) -> decoded.put((String) key, identifiers(entry)));
            return (T) decoded;
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().map(TestApi::identifiers).toList();
        }
        return value instanceof String text ? (T) identifierOf(text) : value;
    }

    /** The input of a valid registration without card number, national ID or enrolment date. */
    public static Map<String, Object> registration(String lastName, String firstName, String gender, String unitId) {
        Map<String, Object> input = new HashMap<>();
        input.put("lastName", lastName);
        input.put("firstName", firstName);
        input.put("gender", gender);
        input.put("birthYear", Year.now().getValue() - 35);
        input.put("phone", TestData.uniquePhone());
        input.put("trades", List.of("TEINTURE"));
        input.put("localUnitId", unitId);
        return input;
    }

    /**
     * A GraphQL response, read as data (which must then come without errors: neither top-level errors nor a
     * mutation payload's {@code userErrors}) or as errors (both kinds, a payload's problems as {@link UserErrorReply}).
     */
    public record Answer(String document, GraphQlResponse response) {

        @SuppressWarnings("unchecked")
        public <T> T data(String path) {
            assertThat(response.getErrors()).as("errors of %s", document).isEmpty();
            assertThat(userErrors()).as("userErrors of %s", document).isEmpty();
            return (T) response.field(path).getValue();
        }

        /** The top-level errors, then the problems every payload of {@code data} reports. */
        public List<ResponseError> errors() {
            List<ResponseError> all = new ArrayList<>(response.getErrors());
            all.addAll(userErrors());
            return all;
        }

        public ResponseError singleError() {
            assertThat(errors()).as("errors of %s (data: %s)", document, response.getData()).hasSize(1);
            return errors().get(0);
        }

        /** The {@code userErrors} of every root field's payload, in order. */
        @SuppressWarnings("unchecked")
        public List<ResponseError> userErrors() {
            List<ResponseError> found = new ArrayList<>();
            if (response.getData() instanceof Map<?, ?> data) {
                data.forEach((rootField, payload) -> {
                    if (payload instanceof Map<?, ?> fields && fields.get("userErrors") instanceof List<?> problems) {
                        problems.forEach(problem -> found.add(new UserErrorReply(String.valueOf(rootField),
                                (Map<String, Object>) problem)));
                    }
                });
            }
            return found;
        }
    }

    /**
     * A problem of a mutation payload ({@code UserError}), read as an error: {@code extensions} holds its
     * {@code code}, its {@code field} named as in the input (the path after {@code input}, dotted) and
     * {@code userError: true}.
     */
    public record UserErrorReply(String rootField, Map<String, Object> problem) implements ResponseError {

        @Override
        public String getMessage() {
            return (String) problem.get("message");
        }

        @Override
        public List<graphql.language.SourceLocation> getLocations() {
            return List.of();
        }

        @Override
        public graphql.ErrorClassification getErrorType() {
            return org.springframework.graphql.execution.ErrorType.BAD_REQUEST;
        }

        @Override
        public String getPath() {
            return rootField;
        }

        @Override
        public List<Object> getParsedPath() {
            return List.of(rootField);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> getExtensions() {
            Map<String, Object> extensions = new HashMap<>();
            extensions.put("code", problem.get("code"));
            List<String> path = (List<String>) problem.get("field");
            extensions.put("field", path == null ? null : String.join(".", path.subList(1, path.size())));
            extensions.put("userError", true);
            extensions.put("classification", "NOT_FOUND".equals(problem.get("code")) ? "NOT_FOUND" : "BAD_REQUEST");
            extensions.put("candidate", problem.get("candidate"));
            return extensions;
        }
    }

    /** Asserts the stable code and the field of a typed error, and that its message is meant for people. */
    public static void assertRefused(ResponseError error, String code, String field) {
        assertThat(error.getExtensions()).as("extensions of « %s »", error.getMessage())
                .containsEntry("code", code).containsEntry("field", field);
        assertThat(error.getMessage()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
    }
}
