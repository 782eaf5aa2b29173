package org.jekafo.app.platform.graphql;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import org.jekafo.api.common.EventName;
import org.jekafo.api.common.StableNames;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema is a contract ({@link SchemaContract}): what the server serves at {@code /graphql/schema} is the
 * committed SDL, and a change to it that could break a client fails the build unless it is declared. To accept a
 * change: {@code ./mvnw -pl app -am verify -Dtest=SchemaContractTest -Djekafo.schema.accept=true}, which rewrites
 * the committed SDL — but never over an undeclared breaking change.
 */
class SchemaContractTest extends IntegrationTest {

    private static final boolean ACCEPT = Boolean.getBoolean("jekafo.schema.accept");

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void theServedSchemaIsTheCommittedContractAndBreaksNothingUndeclared() throws IOException {
        String served = served();
        String committed = Files.exists(SchemaContract.SDL) ? SchemaContract.read(SchemaContract.SDL) : "";

        List<SchemaContract.Breakage> undeclared = committed.isEmpty() ? List.of() : SchemaContract.undeclared(
                SchemaContract.breakages(committed, served), Files.readAllLines(SchemaContract.DECLARED));

        assertThat(undeclared).as("changes that can break a client, not declared in %s", SchemaContract.DECLARED)
                .isEmpty();
        if (ACCEPT && !served.equals(committed)) {
            Files.writeString(SchemaContract.SDL, served, StandardCharsets.UTF_8);
        }
        assertThat(served).as("the served schema differs from the committed contract %s; accept the change with "
                + "-Djekafo.schema.accept=true", SchemaContract.SDL).isEqualTo(SchemaContract.read(SchemaContract.SDL));
    }

    @Test
    void aBreakingChangeIsCaughtUnlessDeclared() {
        String committed = SchemaContract.read(SchemaContract.SDL);
        String broken = committed.replaceFirst("(?m)^(\\s*)birthYear: Int\\b.*$", "$1birthYear: String");

        List<SchemaContract.Breakage> breakages = SchemaContract.breakages(committed, broken);

        assertThat(broken).isNotEqualTo(committed);
        assertThat(breakages).extracting(SchemaContract.Breakage::where).contains("Member.birthYear");
        assertThat(SchemaContract.undeclared(breakages, List.of())).isNotEmpty();
        assertThat(SchemaContract.undeclared(breakages, List.of("2027-01-15 Member.birthYear l'année devient un texte")))
                .extracting(SchemaContract.Breakage::where).doesNotContain("Member.birthYear");
    }

    @Test
    void addingAFieldBreaksNothing() {
        String committed = SchemaContract.read(SchemaContract.SDL);
        String grown = committed.replaceFirst("(?m)^type Member (.*)\\{$", "type Member $1{\n  nickname: String");

        assertThat(grown).isNotEqualTo(committed);
        assertThat(SchemaContract.breakages(committed, grown)).isEmpty();
    }

    @Test
    void everyDeprecationNamesTheDateAfterWhichTheFieldIsRetired() {
        assertThat(SchemaContract.undatedDeprecations(graphQlSource.schema())).isEmpty();
    }

    /** History shows types as an enum: every member event must be one of its values, and nothing else. */
    @Test
    void theHistoryEnumNamesEveryMemberEventByItsStableName() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(EventName.class));
        Set<String> events = scanner.findCandidateComponents("org.jekafo.api.membership").stream()
                .map(definition -> StableNames.eventName(ClassUtils.resolveClassName(definition.getBeanClassName(), null)))
                .collect(Collectors.toSet());
        GraphQLEnumType type = (GraphQLEnumType) graphQlSource.schema().getType("MemberEventType");

        assertThat(events).hasSizeGreaterThan(10);
        assertThat(type.getValues()).extracting(GraphQLEnumValueDefinition::getName)
                .containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void theSchemaIsServedToAuthenticatedCallersOnly() {
        connect().anonymous().web().get().uri("/graphql/schema").exchange().expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(served()).contains("type Query").contains("registerMember");
    }

    private String served() {
        TestApi api = connect().as(TestApi.OPERATOR);
        byte[] body = api.web().get().uri("/graphql/schema").exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
    }
}
