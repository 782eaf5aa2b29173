package org.jekafo.app.membership;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.jekafo.query.membership.MemberIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.graphql.ResponseError;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jekafo.app.TestApi.assertRefused;

/**
 * Erasure of a member's personal data, end to end: three members are registered, the first changes her phone,
 * then her personal data is erased. Her names, phones and national ID must then be nowhere in the database
 * (every column of every table) nor in Elasticsearch (every document of every index, no replaced version left),
 * every query shows « effacé », a rebuilt projection stays erased, and the counts and the other members are
 * untouched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataErasureTest extends IntegrationTest {

    private static final String ERASED = "effacé";

    @Autowired
    Environment environment;
    @Autowired
    DataSource dataSource;
    @Autowired
    ElasticsearchClient elasticsearch;

    TestApi api;
    String unit;
    Map<String, Object> erased;
    Map<String, Object> other;
    Map<String, Object> erasurePayload;
    String oldPhone;
    String nationalId;
    /** Free text typed by an officer, naming someone: personal data as well. */
    String suspensionReason;
    Map<String, Object> countsBefore;

    @BeforeAll
    void registerThreeMembersAndEraseTheFirst() {
        api = connect();
        unit = api.unitId("KY-04");
        String family = "Sissoko" + TestData.suffix();
        nationalId = TestData.uniqueNationalId();
        Map<String, Object> input = TestApi.registration(family, "Kadiatou" + TestData.suffix(), "F", unit);
        input.put("nationalId", nationalId);
        Map<String, Object> registered = api.register(input);
        oldPhone = (String) registered.get("phone");
        api.mutateMember("changeMemberPhone", Map.of("memberId", registered.get("id"), "phone", TestData.uniquePhone()));
        suspensionReason = "Plainte de sa voisine Assitan" + TestData.suffix();
        erased = api.mutateMember("suspendMember", Map.of("memberId", registered.get("id"), "reason", suspensionReason));
        other = api.register(TestApi.registration("Dembélé" + TestData.suffix(), "Modibo", "M", unit));
        api.register(TestApi.registration("Konaté" + TestData.suffix(), "Oumou", "F", api.unitId("SG-01")));
        api.awaitProjectionsCaughtUp();
        assertThat(databaseText()).as("the scan reads the directories").contains(nationalId.toLowerCase(Locale.ROOT));
        countsBefore = api.memberCounts(Map.of());

        erasurePayload = api.run("erasePersonalData", "input", Map.of("memberId", erased.get("id"),
                "reason", "Demande de l'intéressée", "clientMutationId", "erase-" + TestData.suffix()))
                .data("erasePersonalData");
        api.awaitProjectionsCaughtUp();
    }

    /** The erased member's personal data as it was: names, both phones (as stored and as digits), national ID. */
    private List<String> clearText() {
        List<String> values = new ArrayList<>(List.of((String) erased.get("lastName"), (String) erased.get("firstName"),
                oldPhone, oldPhone.substring(4), (String) erased.get("phone"), ((String) erased.get("phone")).substring(4),
                nationalId, suspensionReason));
        values.replaceAll(value -> value.toLowerCase(Locale.ROOT));
        return values;
    }

    @Test
    void erasureAnswersWithTheErasedMember() {
        assertThat(erasurePayload).containsEntry("memberId", erased.get("id"));
        @SuppressWarnings("unchecked")
        Map<String, Object> member = (Map<String, Object>) erasurePayload.get("member");
        assertErased(member);
    }

    @Test
    void clearTextIsNowhereInTheDatabase() {
        String database = databaseText();

        assertThat(database).as("positive control: the card number is stored in clear")
                .contains(((String) erased.get("cardNumber")).toLowerCase(Locale.ROOT));
        if (!environment.acceptsProfiles(Profiles.of("axonserver"))) {
            assertThat(database).as("positive control: the events, with the reason in clear, are in the database")
                    .contains("demande de l'intéressée");
        }
        clearText().forEach(value -> assertThat(database).as("database").doesNotContain(value));
    }

    @Test
    void clearTextIsNowhereInElasticsearch() {
        assertElasticsearchHoldsNoClearText();
    }

    @Test
    void queriesShowTheMemberErased() {
        assertErased(api.member((String) erased.get("id")));
        assertThat(api.memberList(Map.of("orgUnitId", unit)))
                .filteredOn(m -> m.get("id").equals(erased.get("id"))).singleElement()
                .satisfies(PersonalDataErasureTest::assertErased);
        assertThat(api.count(Map.of("name", erased.get("lastName")))).isZero();
        assertThat(api.count(Map.of("phone", erased.get("phone")))).isZero();
    }

    @Test
    void historyKeepsEveryEventButShowsThePersonalDataErased() {
        List<Map<String, Object>> history = api.history((String) erased.get("id"));

        assertThat(history).extracting(e -> e.get("type")).containsExactly("MemberRegisteredEvent",
                "MemberPhoneChangedEvent", "MemberSuspendedEvent", "MemberPersonalDataErasedEvent");
        assertThat(changes(history.get(0))).containsEntry("lastName", ERASED).containsEntry("firstName", ERASED)
                .containsEntry("phone", ERASED).containsEntry("nationalId", ERASED)
                .containsEntry("cardNumber", erased.get("cardNumber")).doesNotContainKey("birthYear");
        assertThat(changes(history.get(1))).containsEntry("phone", ERASED);
        assertThat(changes(history.get(2))).containsEntry("reason", ERASED);
        assertThat(changes(history.get(3))).containsEntry("reason", "Demande de l'intéressée");
        String text = history.toString().toLowerCase(Locale.ROOT);
        clearText().forEach(value -> assertThat(text).doesNotContain(value));
    }

    @Test
    void rebuiltProjectionStaysErased() {
        Map<String, Object> rebuilt = api.as(TestApi.OPERATOR).run("rebuildProjection", "input",
                Map.of("name", "member-projection", "awaitCompletion", true)).data("rebuildProjection.projection");
        assertThat(rebuilt).containsEntry("rebuilding", false);
        api.awaitProjectionsCaughtUp();

        assertErased(api.member((String) erased.get("id")));
        assertThat(api.member((String) other.get("id"))).containsEntry("lastName", other.get("lastName"));
        assertElasticsearchHoldsNoClearText();
    }

    @Test
    void countsByGenderAndRegionAreUnchangedByTheErasure() {
        Map<String, Object> after = api.memberCounts(Map.of());

        assertThat(after.get("total")).isEqualTo(countsBefore.get("total"));
        assertThat(after.get("byGender")).isEqualTo(countsBefore.get("byGender"));
        assertThat(after.get("byRegion")).isEqualTo(countsBefore.get("byRegion"));
        assertThat(after.get("byLocalUnit")).isEqualTo(countsBefore.get("byLocalUnit"));
    }

    @Test
    void otherMembersKeepTheirPersonalData() {
        Map<String, Object> now = api.member((String) other.get("id"));

        assertThat(now).containsEntry("lastName", other.get("lastName")).containsEntry("firstName", other.get("firstName"))
                .containsEntry("phone", other.get("phone")).containsEntry("birthYear", other.get("birthYear"))
                .containsEntry("personalDataErased", false);
        assertThat(changes(api.history((String) other.get("id")).get(0)))
                .containsEntry("lastName", other.get("lastName"));
    }

    @Test
    void erasingTwiceIsRefusedAndChangesNothing() {
        long head = api.eventStoreHead();
        Map<String, Object> before = api.member((String) erased.get("id"));

        ResponseError error = api.refusal("erasePersonalData", Map.of("memberId", erased.get("id"), "reason", "encore"));

        assertRefused(error, "ALREADY_ERASED", "memberId");
        assertThat(api.eventStoreHead()).isEqualTo(head);
        assertThat(api.member((String) erased.get("id"))).isEqualTo(before);
    }

    @Test
    void erasedMemberCannotBeChangedAnyMore() {
        ResponseError error = api.refusal("changeMemberPhone", Map.of("memberId", erased.get("id"),
                "phone", TestData.uniquePhone()));

        assertRefused(error, "PERSONAL_DATA_ERASED", "memberId");
    }

    // --- helpers ---

    private static void assertErased(Map<String, Object> member) {
        assertThat(member).containsEntry("lastName", ERASED).containsEntry("firstName", ERASED)
                .containsEntry("phone", ERASED).containsEntry("nationalId", ERASED).containsEntry("birthYear", null)
                .containsEntry("personalDataErased", true).containsEntry("gender", "F")
                .containsEntry("status", "SUSPENDED").containsEntry("statusReason", ERASED);
        assertThat(member.get("cardNumber")).isNotNull();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> changes(Map<String, Object> entry) {
        Map<String, Object> changes = new HashMap<>();
        ((List<Map<String, Object>>) entry.get("changes")).forEach(c -> changes.put((String) c.get("field"), c.get("value")));
        return changes;
    }

    /** Once the replaced versions are purged, no document of any index holds the clear text. */
    private void assertElasticsearchHoldsNoClearText() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(deletedMemberDocuments()).as("deleted documents in the members index")
                        .isZero());
        String sources = elasticsearchText();
        assertThat(sources).as("positive control").contains(((String) erased.get("cardNumber")).toLowerCase(Locale.ROOT))
                .contains(((String) other.get("lastName")).toLowerCase(Locale.ROOT));
        clearText().forEach(value -> assertThat(sources).as("Elasticsearch").doesNotContain(value));
    }

    private long deletedMemberDocuments() throws IOException {
        elasticsearch.indices().refresh(r -> r.index(MemberIndex.ALIAS));
        return elasticsearch.indices().stats(s -> s.index(MemberIndex.ALIAS)).indices().values().stream()
                .mapToLong(index -> index.primaries().docs().deleted()).sum();
    }

    /** The source of every document of every index of the application, lower-cased. */
    @SuppressWarnings("rawtypes")
    private String elasticsearchText() {
        try {
            elasticsearch.indices().refresh(r -> r.index("jekafo-*"));
            var response = elasticsearch.search(s -> s.index("jekafo-*").size(10_000), Map.class);
            assertThat(response.hits().total().value()).isLessThan(10_000);
            StringBuilder text = new StringBuilder();
            for (Hit<Map> hit : response.hits().hits()) {
                text.append(hit.source()).append('\n');
            }
            return text.toString().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every value of every column of every table of the application's schema, bytes read as UTF-8, lower-cased. */
    private String databaseText() {
        StringBuilder text = new StringBuilder();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String quote = metaData.getIdentifierQuoteString();
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = metaData.getTables(connection.getCatalog(), connection.getSchema(), "%",
                    new String[]{"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).extracting(t -> t.toLowerCase(Locale.ROOT)).contains("tokenentry",
                    "member_directory", "personal_data_key", "processed_command");
            if (!environment.acceptsProfiles(Profiles.of("axonserver"))) {
                assertThat(tables).extracting(t -> t.toLowerCase(Locale.ROOT)).contains("domainevententry");
            }
            for (String table : tables) {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("select * from " + quote + table + quote)) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            text.append(value(rows, i, columns.getColumnType(i))).append('\t');
                        }
                        text.append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static String value(ResultSet rows, int column, int type) throws SQLException {
        return switch (type) {
            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> {
                byte[] bytes = rows.getBytes(column);
                yield bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
            }
            default -> String.valueOf(rows.getString(column));
        };
    }
}
