package org.jekafo.app.census;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestAxonServer;
import org.junit.jupiter.api.Assumptions;
import org.jekafo.app.TestApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Importing the dirty census file of 500 lines: exactly the 42 lines its {@code .defects} file lists are
 * rejected, each for its reason, in the result and in the written report; the 458 others are registered on
 * channel IMPORT; importing it again registers nobody.
 *
 * <p>Runs first of all test classes ({@code junit-platform.properties}): the file's card numbers
 * ({@code SK-000001}…) are those the system assigns first in each region, so the import must come before any
 * registration without a card number.
 */
@Order(1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CensusImportTest extends IntegrationTest {

    static final String CENSUS = "census/census-dirty-500.csv";
    private static final int LINES = 500;
    private static final int REGISTERED = 458;
    private static final Map<String, String> CODES = Map.of("missing_name", "MISSING_NAME",
            "bad_gender", "INVALID_GENDER", "bad_phone", "INVALID_PHONE", "unknown_trade", "UNKNOWN_TRADE",
            "future_birth_year", "INVALID_BIRTH_YEAR", "unknown_chapter", "UNKNOWN_ORG_UNIT",
            "duplicate_card", "DUPLICATE_CARD_NUMBER", "duplicate_national_id", "DUPLICATE_NATIONAL_ID",
            "possible_duplicate", "POSSIBLE_DUPLICATE");

    @Autowired
    CensusImport censusImport;

    @Autowired
    JdbcTemplate jdbc;

    TestApi api;
    Path csv;
    Path report;
    Map<Integer, String> expectedRejections;
    long membersBefore;
    long headBefore;
    CensusImport.Result result;

    @BeforeAll
    void importTheCensusFile() throws IOException {
        api = new TestApi(port);
        Path folder = Files.createTempDirectory("census-import-test-");
        csv = folder.resolve("census-dirty-500.csv");
        try (InputStream in = new ClassPathResource(CENSUS).getInputStream()) {
            Files.copy(in, csv);
        }
        report = folder.resolve("rejets.csv");
        expectedRejections = expectedRejections();
        api.awaitProjectionsCaughtUp();
        membersBefore = totalMembers();
        headBefore = api.eventStoreHead();

        result = censusImport.importFile(csv, report, 8, progress -> { });
    }

    @Test
    void rejectedLinesAreExactlyTheDefectiveLinesEachWithItsCode() throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);

        assertThat(rejectionCodes(result)).isEqualTo(expectedRejections);
        assertThat(result.rejections()).allSatisfy(rejection -> {
            assertThat(rejection.cardNumber()).isEqualTo(lines.get(rejection.line() - 1).split(",", 2)[0]);
            assertThat(rejection.refusal().message()).isNotBlank();
        });
    }

    @Test
    void reportListsTheSameRejectedLinesWithTheirCodes() throws IOException {
        List<String> rows = Files.readAllLines(report, StandardCharsets.UTF_8);

        assertThat(rows.get(0)).isEqualTo("line,card_number,code,field,message");
        Map<Integer, String> reported = new TreeMap<>();
        rows.stream().skip(1).map(row -> row.split(",", 4))
                .forEach(cells -> reported.put(Integer.parseInt(cells[0]), cells[2]));
        assertThat(rows).hasSize(expectedRejections.size() + 1);
        assertThat(reported).isEqualTo(expectedRejections);
    }

    @Test
    void refusedLinesLeaveNoHoleInTheEventStoresGlobalIndex() {
        Assumptions.assumeFalse(TestAxonServer.profileActive(), "Axon Server's event store is not in the database");
        // a hole is a global index taken by an insert that was rolled back: every tracking token would carry it
        Map<String, Object> stored = jdbc.queryForMap("select count(*) as events, max(globalIndex) as head "
                + "from DomainEventEntry where globalIndex > ?", headBefore);

        assertThat(((Number) stored.get("events")).longValue()).isEqualTo(REGISTERED);
        assertThat(((Number) stored.get("head")).longValue()).isEqualTo(headBefore + REGISTERED);
    }

    @Test
    void everyOtherLineIsRegisteredAndBecomesSearchable() {
        assertThat(result.lines()).isEqualTo(LINES);
        assertThat(result.registered()).isEqualTo(REGISTERED);
        assertThat(result.alreadyImported()).isZero();
        assertThat(result.rejections()).hasSize(LINES - REGISTERED);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(totalMembers()).isEqualTo(membersBefore + REGISTERED));
    }

    @Test
    void importingTheSameFileAgainRegistersNobody() throws IOException {
        // every member of the first import searchable (a processor at the head may still have gaps to fill)
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(totalMembers()).isEqualTo(membersBefore + REGISTERED));
        long head = api.eventStoreHead();
        long members = totalMembers();

        CensusImport.Result again = censusImport.importFile(csv, csv.resolveSibling("rejets-2.csv"), 8, p -> { });

        assertThat(again.registered()).isZero();
        assertThat(again.alreadyImported()).isEqualTo(REGISTERED);
        assertThat(rejectionCodes(again)).isEqualTo(expectedRejections);
        assertThat(api.eventStoreHead()).as("events stored by the second import").isEqualTo(head);
        api.awaitProjectionsCaughtUp();
        assertThat(totalMembers()).isEqualTo(members);
    }

    @Test
    void importedMembersHistoryShowsChannelImport() {
        Map<String, Object> member = await().atMost(Duration.ofSeconds(120))
                .until(() -> api.memberByCard("SK-000001"), m -> m != null);

        List<Map<String, Object>> history = api.history((String) member.get("id"));

        assertThat(member).containsEntry("lastName", "Bah").containsEntry("firstName", "Ibrahim");
        assertThat(history).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("type", "MemberRegisteredEvent").containsEntry("channel", "IMPORT")
                .containsEntry("principal", "import:" + System.getProperty("user.name"))
                .containsEntry("role", "SYSTEM"));
    }

    // --- helpers ---

    /** Line number → expected code, from {@code census-dirty-500.csv.defects} ({@code line:defect}). */
    static Map<Integer, String> expectedRejections() throws IOException {
        Map<Integer, String> expected = new TreeMap<>();
        try (InputStream in = new ClassPathResource(CENSUS + ".defects").getInputStream()) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(line -> {
                String[] parts = line.strip().split(":");
                String code = CODES.get(parts[1]);
                assertThat(code).as("code of defect %s", parts[1]).isNotNull();
                expected.put(Integer.parseInt(parts[0]), code);
            });
        }
        assertThat(expected).hasSize(LINES - REGISTERED);
        return expected;
    }

    private static Map<Integer, String> rejectionCodes(CensusImport.Result result) {
        Map<Integer, String> codes = new TreeMap<>();
        result.rejections().forEach(r -> assertThat(codes.put(r.line(), r.refusal().code()))
                .as("line %d rejected twice", r.line()).isNull());
        return codes;
    }

    private long totalMembers() {
        return ((Number) api.memberCounts(null).get("total")).longValue();
    }
}
