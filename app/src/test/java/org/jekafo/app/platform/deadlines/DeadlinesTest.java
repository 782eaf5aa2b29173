package org.jekafo.app.platform.deadlines;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jekafo.app.platform.gate.AccessPolicy;
import org.jekafo.app.platform.gate.AccessRules;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Reach;
import org.jekafo.app.platform.gate.Role;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.jekafo.app.AxonServerAvailable;
import org.jekafo.app.JekafoApplication;
import org.jekafo.app.TestAxonServer;
import org.jekafo.app.TestDatabase;
import org.jekafo.elasticsearch.local.LocalElasticsearch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.junit.platform.commons.annotation.Testable;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Deadlines are kept in the database and fired once: one set before a restart fires after it, on the same database
 * (the embedded H2 file store, or PostgreSQL with the {@code postgres} and {@code axonserver} profiles), and
 * instances sharing a database fire each deadline once. The aggregate is this test's own ({@link DeadlineProbe}); the
 * rest is the real application.
 */
@ExtendWith(AxonServerAvailable.class)
class DeadlinesTest {

    /** Long enough for the first application to stop before it, short enough not to keep the suite waiting. */
    private static final Duration DELAY = Duration.ofSeconds(20);

    @Test
    void aDeadlineSetBeforeARestartFiresAfterIt() throws Exception {
        Path dataDir = Files.createTempDirectory("jekafo-deadlines-");
        String database = TestAxonServer.profileActive() || profile("postgres") ? TestDatabase.another() : null;
        String probe = UUID.randomUUID().toString();

        try (TestAxonServer events = ownAxonServer()) {
            Instant due;
            try (ConfigurableApplicationContext first = start(dataDir, database, events)) {
                assertThat(first.getBean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
                due = Instant.now().plus(DELAY).truncatedTo(ChronoUnit.MILLIS);
                first.getBean(CommandGateway.class).sendAndWait(asServer(new SetProbeCommand(probe, due, "ouverture")));
            }
            assertThat(Instant.now()).as("the first application stopped before the deadline was due").isBefore(due);

            try (Connection connection = connect(dataDir, database);
                 var rows = connection.createStatement().executeQuery(
                         "select execution_time, task_data from deadline_scheduled_tasks where task_name = 'AxonDeadline'")) {
                assertThat(rows.next()).as("the deadline is stored").isTrue();
                assertThat(rows.getTimestamp(1).toInstant()).isEqualTo(due);
                assertThat(new String(rows.getBytes(2), StandardCharsets.ISO_8859_1))
                        .as("the payload, in the event serializer's JSON").contains("\"note\":\"ouverture\"");
                assertThat(rows.next()).isFalse();
            }

            try (ConfigurableApplicationContext second = start(dataDir, database, events)) {
                await().atMost(DELAY.plus(Duration.ofSeconds(60))).pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> assertThat(fired(second, probe)).hasSize(1));
                DomainEventMessage<?> fired = fired(second, probe).get(0);
                assertThat(fired.getTimestamp()).isAfterOrEqualTo(due);
                assertThat(((ProbeFiredEvent) fired.getPayload()).note()).isEqualTo("ouverture");

                await().atMost(Duration.ofSeconds(30)).until(() -> storedDeadlines(dataDir, database) == 0);
                assertThat(fired(second, probe)).as("fired once").hasSize(1);
            }
        }
    }

    @Test
    void instancesSharingADatabaseFireEachDeadlineOnce() throws Exception {
        Assumptions.assumeTrue(TestAxonServer.profileActive() || profile("postgres"),
                "the embedded H2 store serves one instance");
        String database = TestDatabase.another();
        try (TestAxonServer events = ownAxonServer();
             ConfigurableApplicationContext one = start(Files.createTempDirectory("jekafo-deadlines-one-"), database, events);
             ConfigurableApplicationContext two = start(Files.createTempDirectory("jekafo-deadlines-two-"), database, events)) {
            Instant due = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
            List<String> probes = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID().toString()).toList();
            for (int i = 0; i < probes.size(); i++) {
                (i % 2 == 0 ? one : two).getBean(CommandGateway.class)
                        .sendAndWait(asServer(new SetProbeCommand(probes.get(i), due, "clôture " + i)));
            }

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> storedDeadlines(null, database) == 0);
            for (String probe : probes) {
                assertThat(fired(one, probe)).as("deadline of %s fired once", probe).hasSize(1);
            }
        }
    }

    /**
     * The event store of this test's instances, apart from the suite's as their database is: on the
     * {@code axonserver} profile an Axon Server of their own (on the suite's, instances on an empty database would
     * replay every other test's events without the personal-data keys of the suite's database); elsewhere none, the
     * database being the event store (try-with-resources closes nothing then).
     */
    private static TestAxonServer ownAxonServer() {
        return TestAxonServer.profileActive() ? TestAxonServer.another() : null;
    }

    private static ConfigurableApplicationContext start(Path dataDir, String database, TestAxonServer events) {
        LocalElasticsearch elasticsearch = LocalElasticsearch.shared();
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--jekafo.data-dir=" + dataDir,
                "--jekafo.elasticsearch.url=" + elasticsearch.url(),
                "--jekafo.elasticsearch.username=" + elasticsearch.credentials()
                        .map(LocalElasticsearch.Credentials::username).orElse(""),
                "--jekafo.elasticsearch.password=" + elasticsearch.credentials()
                        .map(LocalElasticsearch.Credentials::password).orElse(""),
                "--jekafo.reference.load-federation-structure=false", "--db-scheduler.polling-interval=1s"));
        if (database != null) {
            arguments.add("--spring.datasource.url=" + database);
            arguments.add("--spring.datasource.username=postgres");
        }
        if (events != null) {
            arguments.add("--axon.axonserver.servers=" + events.address());
            // two instances in this JVM would otherwise share the client id Axon derives from the process
            arguments.add("--axon.axonserver.client-id=deadlines-" + UUID.randomUUID());
        }
        // the application as @SpringBootTest composes it (test classes and their nested ones left out), plus the probe
        return new SpringApplicationBuilder(JekafoApplication.class, DeadlineProbe.class, ProbePolicy.class)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton(LeaveOutTests.class.getName(), new LeaveOutTests()))
                .run(arguments.toArray(String[]::new));
    }

    /**
     * What {@code @SpringBootTest} leaves out of the component scan (Boot's own filter for it is not public): test
     * components, test classes and the classes nested in them.
     */
    private static final class LeaveOutTests extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            var annotations = reader.getAnnotationMetadata();
            if (annotations.isAnnotated(TestComponent.class.getName())
                    || annotations.hasAnnotatedMethods(Testable.class.getName())) {
                return true;
            }
            String enclosing = reader.getClassMetadata().getEnclosingClassName();
            return enclosing != null && match(factory.getMetadataReader(enclosing), factory);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LeaveOutTests;
        }

        @Override
        public int hashCode() {
            return LeaveOutTests.class.hashCode();
        }
    }

    private static List<DomainEventMessage<?>> fired(ConfigurableApplicationContext context, String probe) {
        return context.getBean(EventStore.class).readEvents(probe).asStream()
                .filter(event -> event.getPayload() instanceof ProbeFiredEvent)
                .<DomainEventMessage<?>>map(event -> event).toList();
    }

    /** The aggregates' deadlines still stored (the scheduler's table also holds its recurring tasks). */
    private static int storedDeadlines(Path dataDir, String database) throws SQLException {
        try (Connection connection = connect(dataDir, database);
             var rows = connection.createStatement().executeQuery(
                     "select count(*) from deadline_scheduled_tasks where task_name = 'AxonDeadline'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Connection connect(Path dataDir, String database) throws SQLException {
        return database != null
                ? DriverManager.getConnection(database, "postgres", "")
                : DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("eventstore/jekafo"), "sa", "");
    }

    private static boolean profile(String name) {
        return Stream.of(System.getProperty("spring.profiles.active", "").split(","))
                .anyMatch(profile -> profile.trim().equals(name));
    }

    /** The probe's command, sent as a scheduled job of the server would send it: through the gate, as the server. */
    private static CommandMessage<?> asServer(SetProbeCommand command) {
        return GenericCommandMessage.asCommandMessage(command)
                .andMetaData(ActingPrincipal.system("deadlines-test").metaData());
    }

    /** The probe's access rule: only the server sets one. */
    static class ProbePolicy implements AccessPolicy {

        @Override
        public void declare(AccessRules.Declarations rules) {
            rules.message(SetProbeCommand.class, EnumSet.of(Role.SYSTEM), Reach.unbounded());
        }
    }

    record SetProbeCommand(@TargetAggregateIdentifier String probeId, Instant due, String note) {
    }

    record ProbeSetEvent(String probeId, Instant due) {
    }

    record ProbeDue(String note) {
    }

    record ProbeFiredEvent(String probeId, String note) {
    }

    /** Sets a deadline when created, and records that it fired. */
    @Aggregate
    static class DeadlineProbe {

        @AggregateIdentifier
        private String probeId;

        DeadlineProbe() {
        }

        @CommandHandler
        DeadlineProbe(SetProbeCommand command, DeadlineManager deadlines) {
            apply(new ProbeSetEvent(command.probeId(), command.due()));
            deadlines.schedule(command.due(), "probe-due", new ProbeDue(command.note()));
        }

        @DeadlineHandler(deadlineName = "probe-due")
        void on(ProbeDue due) {
            apply(new ProbeFiredEvent(probeId, due.note()));
        }

        @EventSourcingHandler
        void on(ProbeSetEvent event) {
            probeId = event.probeId();
        }
    }
}
