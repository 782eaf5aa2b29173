package org.jekafo.app.platform.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jekafo.api.common.TextFolding;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestAxonServer;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestData;
import org.jekafo.app.census.CensusImport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.graphql.ResponseError;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jekafo.app.TestApi.assertRefused;

/**
 * Everything the application logs during a full scenario — registrations with distinctive personal values,
 * refusals that quote them (duplicate national ID and card number, a phone typed wrong, a possible duplicate, a
 * lost race for one national ID), a resignation whose reason holds a forged log line, an erasure, a census import
 * with defective lines, a malformed request body — is captured as the console shows it and as the JSON log
 * writes it (with {@code org.jekafo} at DEBUG), then searched for every personal value used.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogPrivacyTest extends IntegrationTest {

    /** A forged log line: a value holding it must never start a line of the log. */
    private static final String FORGED = "2026-12-02T10:00:00.000+00:00 ERROR [main] o.j.app.Forged : intrusion";

    @Autowired
    CensusImport censusImport;
    @Autowired
    Environment environment;

    private final CapturingAppender capture = new CapturingAppender();
    private final List<String> personalValues = new ArrayList<>();
    private final List<ResponseError> refusals = new ArrayList<>();
    private Level jekafoLevel;
    private CensusImport.Result imported;

    @BeforeAll
    void runTheScenarioWhileCapturingTheLog() throws IOException {
        TestApi api = connect();
        String unit = api.unitId("TB-01");
        startCapture();

        Map<String, Object> first = registration(unit, "Kouyaté", "Fatoumata");
        first.put("nationalId", personal(TestData.uniqueNationalId()));
        first.put("cardNumber", personal(TestData.uniqueCardNumber()));
        Map<String, Object> member = api.register(first);

        Map<String, Object> sameNationalId = registration(unit, "Diabaté", "Mariam");
        sameNationalId.put("nationalId", first.get("nationalId"));
        refusals.add(api.registrationRefusal(sameNationalId));
        Map<String, Object> sameCard = registration(unit, "Coulibaly", "Sekou");
        sameCard.put("cardNumber", first.get("cardNumber"));
        refusals.add(api.registrationRefusal(sameCard));
        Map<String, Object> wrongPhone = registration(unit, "Keïta", "Salif");
        wrongPhone.put("phone", personal("55 50 1" + TestData.suffix().substring(0, 4)));
        refusals.add(api.registrationRefusal(wrongPhone));
        Map<String, Object> homonym = registration(unit, "Kouyaté", "Fatoumata");
        homonym.put("lastName", first.get("lastName"));
        homonym.put("firstName", first.get("firstName"));
        refusals.add(api.registrationRefusal(homonym));
        String raced = raceForOneNationalId(api, unit);

        // whether the reason is kept or refused, it must not reach the log
        api.run("recordMemberResignation", "input", Map.of("memberId", member.get("id"),
                "reason", personal("Départ pour Gao " + TestData.suffix()) + "\n" + FORGED + "\r\n" + FORGED));
        api.run("erasePersonalData", "input", Map.of("memberId", member.get("id"), "reason", "Demande de l'intéressée",
                "clientMutationId", "erase-" + TestData.suffix())).data("erasePersonalData");
        imported = importCensusWithDefectiveLines(raced);
        malformedBody(api);
        api.awaitProjectionsCaughtUp();
    }

    @AfterAll
    void stopCapture() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(capture);
        capture.stop();
        ((Logger) LoggerFactory.getLogger("org.jekafo")).setLevel(jekafoLevel);
    }

    @Test
    void scenarioRefusedWhatItMeantTo() {
        assertRefused(refusals.get(0), "DUPLICATE_NATIONAL_ID", "nationalId");
        assertRefused(refusals.get(1), "DUPLICATE_CARD_NUMBER", "cardNumber");
        assertRefused(refusals.get(2), "INVALID_PHONE", "phone");
        assertThat(refusals.get(3).getExtensions()).containsEntry("code", "POSSIBLE_DUPLICATE");
        assertThat(imported.rejections()).extracting(rejection -> rejection.refusal().code())
                .contains("DUPLICATE_NATIONAL_ID", "INVALID_PHONE", "UNKNOWN_TRADE");
    }

    @Test
    void noPersonalValueIsInTheLogInAnyForm() {
        String console = capture.console().toLowerCase(Locale.ROOT);
        String json = capture.json().toLowerCase(Locale.ROOT);

        assertThat(console).as("positive control: refusals are logged by code").contains("duplicate_national_id");
        for (String value : forms(personalValues)) {
            assertThat(console).as("console log").doesNotContain(value);
            assertThat(json).as("JSON log").doesNotContain(value);
        }
    }

    @Test
    void noValueStartsALineOfTheConsoleLog() {
        assertThat(capture.console()).as("positive control").isNotBlank();
        assertThat(capture.console().lines()).noneMatch(line -> line.contains("o.j.app.Forged"))
                .allMatch(line -> line.startsWith("\t") || line.matches(TestAxonServer.profileActive()
                        // production's console writes one JSON object per line
                        ? "^\\{\"@timestamp\":\"\\d{4}-\\d{2}-\\d{2}T.*\\}$" : "^\\d{4}-\\d{2}-\\d{2}T.*"));
    }

    @Test
    void everyLineOfTheJsonLogIsOneWholeEvent() {
        ObjectMapper json = new ObjectMapper();

        assertThat(capture.json().lines()).isNotEmpty().allSatisfy(line ->
                assertThat(json.readTree(line).has("@timestamp")).as(line).isTrue());
    }

    @Test
    void refusedCommandsLeaveNoFrameworkWarningNorStackTrace() {
        assertThat(capture.console()).as("positive control").contains("code DUPLICATE_CARD_NUMBER");
        assertThat(capture.console()).doesNotContain("AbstractRepository").doesNotContain("CommandRefusedException");
    }

    // --- scenario ---

    private Map<String, Object> registration(String unit, String lastName, String firstName) {
        Map<String, Object> input = TestApi.registration(personal(lastName + TestData.suffix()),
                personal(firstName + TestData.suffix()), "F", unit);
        personal((String) input.get("phone"));
        return input;
    }

    /** Several registrations at once with one new national ID: one wins, the others are refused. Returns the ID. */
    private String raceForOneNationalId(TestApi api, String unit) {
        String nationalId = personal(TestData.uniqueNationalId());
        List<CompletableFuture<TestApi.Answer>> racing = IntStream.range(0, 4).mapToObj(i -> {
            Map<String, Object> input = registration(unit, "Traoré", "Awa");
            input.put("nationalId", nationalId);
            return CompletableFuture.supplyAsync(() -> api.run("registerMemberFull", "input", input));
        }).toList();
        List<TestApi.Answer> answers = racing.stream().map(CompletableFuture::join).toList();
        assertThat(answers).filteredOn(answer -> answer.errors().isEmpty()).hasSize(1);
        return nationalId;
    }

    private CensusImport.Result importCensusWithDefectiveLines(String takenNationalId) throws IOException {
        List<String> lines = new ArrayList<>(List.of(String.join(",", censusColumns())));
        lines.add(censusLine("Sangaré", "Oumar", TestData.uniquePhone(), "TEINTURE", TestData.uniqueNationalId()));
        lines.add(censusLine("Maïga", "Aïssata", TestData.uniquePhone(), "TEINTURE", takenNationalId));
        lines.add(censusLine("Cissé", "Hawa", "7012" + TestData.suffix().substring(0, 3), "TEINTURE", ""));
        lines.add(censusLine("Touré", "Bakary", TestData.uniquePhone(), "ASTRONAUTE", ""));
        Path folder = Files.createTempDirectory("log-privacy-");
        Path csv = Files.writeString(folder.resolve("recensement.csv"), String.join("\n", lines) + "\n",
                StandardCharsets.UTF_8);
        return censusImport.importFile(csv, folder.resolve("rejets.csv"), 2, progress -> { });
    }

    private static List<String> censusColumns() {
        return List.of("card_number", "last_name", "first_name", "gender", "birth_year", "phone", "region", "chapter",
                "trade", "enrolled_on", "disability", "national_id");
    }

    private String censusLine(String lastName, String firstName, String phone, String trade, String nationalId) {
        return String.join(",", personal(TestData.uniqueCardNumber()), personal(lastName + TestData.suffix()),
                personal(firstName + TestData.suffix()), "F", "1980", personal(phone), "Tombouctou", "Diré", trade,
                "2024-01-15", "non", nationalId.isEmpty() ? "" : personal(nationalId));
    }

    /** A body that is not JSON, whose unreadable token is a name, and that breaks lines. */
    private void malformedBody(TestApi api) {
        String token = personal("Samaké" + TestData.suffix());
        api.web().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": " + token + "\n" + FORGED + "}").exchange();
    }

    // --- capture ---

    private String personal(String value) {
        personalValues.add(value);
        return value;
    }

    /** Each value as typed, lower-cased, folded (accents dropped) and, for a phone, its digits after +223. */
    private static List<String> forms(List<String> values) {
        List<String> forms = new ArrayList<>();
        for (String value : values) {
            forms.add(value.toLowerCase(Locale.ROOT));
            forms.add(TextFolding.fold(value).toLowerCase(Locale.ROOT));
            if (value.startsWith("+223")) {
                forms.add(value.substring(4));
            }
        }
        return forms;
    }

    private void startCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger jekafo = context.getLogger("org.jekafo");
        jekafoLevel = jekafo.getLevel();
        jekafo.setLevel(Level.DEBUG);
        @SuppressWarnings("unchecked")
        Encoder<ILoggingEvent> console = ((ConsoleAppender<ILoggingEvent>) root.getAppender("CONSOLE")).getEncoder();
        StructuredLogEncoder json = new StructuredLogEncoder();
        json.setContext(context);
        json.setFormat(environment.getProperty("logging.structured.format.file"));
        json.start();
        capture.encoders(console, json);
        capture.setContext(context);
        capture.start();
        root.addAppender(capture);
    }

    /** Keeps each event as the console encoder and the JSON encoder write it. */
    private static final class CapturingAppender extends AppenderBase<ILoggingEvent> {
        private final StringBuffer console = new StringBuffer();
        private final StringBuffer json = new StringBuffer();
        private Encoder<ILoggingEvent> consoleEncoder;
        private Encoder<ILoggingEvent> jsonEncoder;

        void encoders(Encoder<ILoggingEvent> console, Encoder<ILoggingEvent> json) {
            consoleEncoder = console;
            jsonEncoder = json;
        }

        @Override
        protected void append(ILoggingEvent event) {
            console.append(new String(consoleEncoder.encode(event), StandardCharsets.UTF_8));
            json.append(new String(jsonEncoder.encode(event), StandardCharsets.UTF_8));
        }

        String console() {
            return console.toString();
        }

        String json() {
            return json.toString();
        }
    }
}
