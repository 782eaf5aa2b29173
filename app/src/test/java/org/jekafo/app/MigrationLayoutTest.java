package org.jekafo.app;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flyway scripts of every module, as the application finds them ({@code db/migration/{vendor}} then
 * {@code db/migration/common}): a script the same on H2 and PostgreSQL lives once in common, a version is either
 * common or per vendor, and tables are named after their feature. README: Migrations.
 */
class MigrationLayoutTest {

    private static final List<String> VENDORS = List.of("h2", "postgresql");
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.+\\.sql");
    private static final Pattern CREATED_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");

    private final List<Script> scripts = scripts();

    @Test
    void aScriptTheSameOnEveryVendorLivesOnceInCommon() {
        for (Script h2 : in("h2")) {
            in("postgresql").stream().filter(postgresql -> postgresql.name().equals(h2.name()))
                    .forEach(postgresql -> assertThat(postgresql.content())
                            .as("%s is the same on H2 and PostgreSQL: it belongs in db/migration/common", h2.name())
                            .isNotEqualTo(h2.content()));
        }
    }

    @Test
    void aVersionIsEitherCommonOrPerVendor() {
        Set<Integer> common = versions("common");
        for (String vendor : VENDORS) {
            assertThat(versions(vendor)).as("versions both in %s and in common", vendor).doesNotContainAnyElementsOf(common);
        }
    }

    /** A version one vendor has and the other lacks is a storage step of that vendor alone, named here on purpose. */
    @Test
    void aVersionOnOneVendorOnlyIsAStepOfThatVendorAlone() {
        Map<String, Set<Integer>> vendorOnly = Map.of(
                "h2", Set.of(6, 8),          // in-row binary columns, the event sequence's reserve
                "postgresql", Set.of(12));   // no event tables beside Axon Server
        for (String vendor : VENDORS) {
            Set<Integer> only = new TreeSet<>(versions(vendor));
            VENDORS.stream().filter(other -> !other.equals(vendor)).forEach(other -> only.removeAll(versions(other)));
            assertThat(only).as("versions only %s has", vendor).isEqualTo(vendorOnly.get(vendor));
        }
    }

    /** Axon's own tables keep Axon's names; every other table is lower_snake_case, its feature first. */
    @Test
    void tablesAreNamedByTheirFeature() {
        List<String> tables = scripts.stream().flatMap(script -> {
            Matcher created = CREATED_TABLE.matcher(script.content());
            return created.results().map(match -> match.group(1));
        }).toList();

        assertThat(tables).contains("member_directory", "deadline_scheduled_tasks", "DomainEventEntry");
        assertThat(tables).allSatisfy(table -> assertThat(table).matches("[A-Z][A-Za-z]*Entry|[a-z]+(_[a-z]+)+"));
    }

    /**
     * Flyway's checksum is the script's content (CRC-32 of its lines) and the recorded script name is relative to its
     * location: a database migrated while a script sat in a vendor folder validates once it has moved to common.
     */
    @Test
    void aDatabaseMigratedBeforeScriptsMovedToCommonStillValidates() throws IOException {
        Set<String> movedToCommon = Set.of("V2__command_directories.sql", "V3__processed_commands.sql");
        Path before = Files.createTempDirectory("jekafo-migrations-before-");
        for (Script script : scripts) {
            if (!script.folder().equals("h2") && !script.folder().equals("common")) {
                continue;
            }
            String folder = movedToCommon.contains(script.name()) ? "h2" : script.folder();
            Files.createDirectories(before.resolve(folder));
            Files.writeString(before.resolve(folder).resolve(script.name()), script.content());
        }
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:migrations-before-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        database.setUser("sa");
        Flyway.configure().dataSource(database).placeholders(Map.of("event_store", "jdbc"))
                .locations("filesystem:" + before.resolve("h2"), "filesystem:" + before.resolve("common"))
                .load().migrate();

        var validation = Flyway.configure().dataSource(database).placeholders(Map.of("event_store", "jdbc"))
                .locations("classpath:db/migration/h2", "classpath:db/migration/common").load().validateWithResult();

        assertThat(validation.validationSuccessful).as("%s", validation.invalidMigrations).isTrue();
        assertThat(validation.validateCount).isEqualTo(versions("h2").size() + versions("common").size());
    }

    private List<Script> in(String folder) {
        return scripts.stream().filter(script -> script.folder().equals(folder)).toList();
    }

    private Set<Integer> versions(String folder) {
        return in(folder).stream().map(Script::version).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Script> scripts() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*/*.sql");
            List<Script> scripts = Arrays.stream(found).map(MigrationLayoutTest::script).toList();
            assertThat(scripts).extracting(Script::folder).contains("h2", "postgresql", "common");
            return scripts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Script script(Resource resource) {
        try {
            String[] path = resource.getURL().getPath().split("/");
            String name = path[path.length - 1];
            Matcher version = VERSION.matcher(name);
            assertThat(version.matches()).as("%s is named V<version>__<description>.sql", name).isTrue();
            return new Script(path[path.length - 2], name, Integer.parseInt(version.group(1)),
                    resource.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Script(String folder, String name, int version, String content) {
    }
}
