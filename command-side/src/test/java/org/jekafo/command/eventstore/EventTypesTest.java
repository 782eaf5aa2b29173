package org.jekafo.command.eventstore;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.SerializedType;
import org.jekafo.api.common.EventName;
import org.jekafo.api.membership.MemberPhoneChangedEvent;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.command.eventstore.unnamed.NothingDeclaredEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTypesTest {

    /** A row of the README's table: | `Name` | revision | `class` | */
    private static final Pattern README_ROW = Pattern.compile("^\\| `(\\w+)` \\| (\\S+) \\| `([\\w.]+)` \\|$");
    private static final String README_SECTION = "## Events: stable names and revisions";

    @Test
    void everyClassOfTheApiNamedLikeAnEventDeclaresAStableName() {
        List<Class<?>> events = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(EventTypes.API_PACKAGE).stream()
                .filter(type -> type.getSimpleName().endsWith("Event") || type.isAnnotatedWith(EventName.class))
                .map(JavaClass::reflect).collect(Collectors.toList());

        assertThat(events).hasSizeGreaterThanOrEqualTo(18)
                .allSatisfy(type -> assertThat(type.getAnnotation(EventName.class)).as(type.getName()).isNotNull());
        assertThat(EventTypes.scan(EventTypes.API_PACKAGE).all()).extracting(SerializedType::getName)
                .containsExactlyInAnyOrderElementsOf(events.stream()
                        .map(type -> type.getAnnotation(EventName.class).value()).toList());
    }

    @Test
    void everyComponentOfAnEventNamesItsStoredField() {
        EventTypes events = EventTypes.scan(EventTypes.API_PACKAGE);
        for (SerializedType type : events.all()) {
            Class<?> event = events.classOf(type.getName()).orElseThrow();
            assertThat(event.getRecordComponents()).as(event.getName()).allSatisfy(component -> assertThat(
                    component.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class))
                    .as(event.getName() + "." + component.getName()).isNotNull());
        }
    }

    @Test
    void anEventWithoutAStableNameStopsTheScan() {
        assertThatThrownBy(() -> EventTypes.scan(NothingDeclaredEvent.class.getPackageName()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(NothingDeclaredEvent.class.getName() + " is named like an event but declares no @EventName");
    }

    @Test
    void twoEventsCannotShareAName() {
        assertThatThrownBy(() -> EventTypes.of(MemberRegisteredEvent.class, Twin.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("both declare @EventName MemberRegisteredEvent");
    }

    @Test
    void aNameResolvesToItsClassAndAClassToItsNameAndRevision() {
        EventTypes events = EventTypes.of(MemberPhoneChangedEvent.class);

        assertThat(events.classOf("MemberPhoneChangedEvent")).contains(MemberPhoneChangedEvent.class);
        assertThat(events.typeOf(MemberPhoneChangedEvent.class)).hasValueSatisfying(type -> {
            assertThat(type.getName()).isEqualTo("MemberPhoneChangedEvent");
            assertThat(type.getRevision()).isEqualTo("1");
        });
        assertThat(events.typeOf(String.class)).isEmpty();
        assertThat(events.classOf(MemberPhoneChangedEvent.class.getName())).isEmpty();
    }

    /** The README's table of names and revisions is the annotated events', row for row. */
    @Test
    void readmeTableListsEveryEventByItsStableNameAndRevision() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
        int section = readme.indexOf(README_SECTION);
        assertThat(section).as("README section " + README_SECTION).isNotNegative();
        Map<String, String> documented = new TreeMap<>();
        for (String line : readme.subList(section + 1, readme.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher row = README_ROW.matcher(line);
            if (row.matches()) {
                documented.put(row.group(1), row.group(2) + " " + row.group(3));
            }
        }
        EventTypes events = EventTypes.scan(EventTypes.API_PACKAGE);
        Map<String, String> declared = new TreeMap<>();
        for (SerializedType type : events.all()) {
            Class<?> event = events.classOf(type.getName()).orElseThrow();
            declared.put(type.getName(), type.getRevision() + " " + event.getName().substring(EventTypes.API_PACKAGE.length() + 1));
        }
        assertThat(documented).isEqualTo(declared);
    }

    @EventName(value = "MemberRegisteredEvent", revision = "1")
    private record Twin(String memberId) {
    }
}
