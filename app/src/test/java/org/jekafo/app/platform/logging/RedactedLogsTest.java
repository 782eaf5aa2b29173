package org.jekafo.app.platform.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jekafo.command.common.CommandRefusedException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What the logs say about an exception, without Spring's context: the database's and the refusals' messages,
 * which quote values, never appear; the SQL state, constraint and refusal code do; JSON logs hold one event per
 * line, stack trace included.
 */
class RedactedLogsTest {

    private static final String NATIONAL_ID = "NINA4471209X";
    private static final String FORGED = "\n2026-12-02T10:00:00.000Z  INFO [main] o.j.app.Fake : forged line";

    @Test
    void h2UniqueViolationIsSummarisedBySqlStateAndConstraintWithoutTheKey() throws SQLException {
        SQLException violation = h2UniqueViolation();

        String summary = ExceptionSummary.of(violation);

        assertThat(violation.getMessage()).as("positive control").contains(NATIONAL_ID);
        assertThat(summary).contains("SQL state 23505").contains("constraint").contains("NATIONAL_ID_TAKEN")
                .doesNotContain(NATIONAL_ID);
    }

    @Test
    void postgresUniqueViolationIsSummarisedByItsConstraintWithoutTheKey() {
        SQLException violation = new SQLException("ERROR: duplicate key value violates unique constraint "
                + "\"member_directory_national_id_key\"\n  Detail: Key (national_id)=(" + NATIONAL_ID
                + ") already exists.", "23505");

        assertThat(ExceptionSummary.of(violation))
                .isEqualTo("java.sql.SQLException [SQL state 23505, error 0, constraint member_directory_national_id_key]");
    }

    @Test
    void refusalIsSummarisedByCodeAndFieldWithoutItsMessage() {
        CommandRefusedException refused = new CommandRefusedException("DUPLICATE_NATIONAL_ID", "nationalId",
                "Le numéro d'identité nationale « " + NATIONAL_ID + " » est déjà enregistré.");

        assertThat(ExceptionSummary.of(refused)).isEqualTo(
                CommandRefusedException.class.getName() + " [refusal DUPLICATE_NATIONAL_ID, field nationalId]");
    }

    @Test
    void stackTraceWithholdsTheMessageOfEveryCauseAndStartsNoForgedLine() throws IOException {
        StringBuilder trace = new StringBuilder();

        new RedactedStackTracePrinter().printStackTrace(nestedFailure(), trace);

        assertThat(trace.toString()).doesNotContain(NATIONAL_ID).doesNotContain("forged line")
                .contains("IllegalStateException [message withheld").contains("Caused by: java.lang.IllegalArgumentException")
                .contains("Caused by: java.net.ConnectException: Connection refused");
        assertThat(trace.toString().lines()).allSatisfy(line -> assertThat(line)
                .matches("(java\\.lang\\.IllegalStateException|Caused by: |\\tat |\\t\\.\\.\\. ).*"));
    }

    @Test
    void consoleLineEscapesLineBreaksOfTheMessageAndIndentsTheStackTrace() {
        String output = log(ReadableLogFormatter.class.getName(), "Name typed: {}", "Awa" + FORGED, nestedFailure());

        List<String> lines = output.lines().toList();
        assertThat(lines.get(0)).contains("Name typed: Awa\\n2026-12-02T10:00:00.000Z  INFO [main]");
        assertThat(lines.subList(1, lines.size())).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("\t"));
        assertThat(output).doesNotContain(NATIONAL_ID);
    }

    @Test
    void jsonLogHoldsOneEventPerLineWithARedactedStackTraceAndNoRawMessage() throws Exception {
        String output = log("ecs", "Name typed: {}", "Awa" + FORGED, nestedFailure());

        assertThat(output.lines()).hasSize(1);
        JsonNode event = new ObjectMapper().readTree(output);
        assertThat(event.path("message").asText()).isEqualTo("Name typed: Awa" + FORGED);
        assertThat(event.path("error").has("message")).as("error.message").isFalse();
        assertThat(event.path("error").path("type").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(event.path("error").path("stack_trace").asText()).contains("\tat ")
                .contains("Caused by: java.lang.IllegalArgumentException [message withheld").doesNotContain(NATIONAL_ID);
    }

    // --- helpers ---

    private static SQLException h2UniqueViolation() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:redacted-logs-test", "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("create table member_id (national_id varchar(40), "
                    + "constraint national_id_taken unique (national_id))");
            statement.execute("insert into member_id values ('" + NATIONAL_ID + "')");
            return catchThrowableOfType(SQLException.class,
                    () -> statement.execute("insert into member_id values ('" + NATIONAL_ID + "')"));
        }
    }

    /** A failure whose every message quotes a value, but the JDK's network error's. */
    private static IllegalStateException nestedFailure() {
        return new IllegalStateException("Registration of " + NATIONAL_ID + FORGED,
                new IllegalArgumentException("Unrecognized token '" + NATIONAL_ID + "'",
                        new java.net.ConnectException("Connection refused")));
    }

    /** What Spring Boot's structured encoder writes in {@code format} for one event logged through Logback. */
    private static String log(String format, String pattern, Object argument, Throwable thrown) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "logging.structured.json.exclude", "error.message",
                "logging.structured.json.stacktrace.printer", RedactedStackTracePrinter.class.getName())));
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.start();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(bytes);
        appender.start();
        Logger logger = context.getLogger("org.jekafo.app.Registration");
        logger.addAppender(appender);
        logger.info(pattern, argument, thrown);
        appender.stop();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
