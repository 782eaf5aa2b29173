package org.jekafo.app.platform.graphql;

import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile documents are refused before they run, each with its typed French error, every time they are sent. */
class GraphQlLimitsTest extends IntegrationTest {

    HttpGraphQlTester graphQl;

    @BeforeEach
    void setUp() {
        graphQl = new TestApi(port).graphQl();
    }

    @Test
    void deeplyNestedQueryIsRefused() {
        String nested = "{ orgUnit(code: \"SG-01\") { " + "parent { ".repeat(14) + "code" + " }".repeat(14) + " } }";

        assertRefused(nested, "QUERY_TOO_DEEP", "niveaux d'imbrication");
    }

    @Test
    void queryAskingForTooMuchIsRefused() {
        String greedy = "{ members(first: 500) { edges { node { cardNumber history { type principal role channel occurredAt correlationId causationId changes { field value } } "
                + "dues { year amountFcfa } trades { code label } } } } }";

        assertRefused(greedy, "QUERY_TOO_COMPLEX", "trop coûteuse");
    }

    @Test
    void oversizedDocumentIsRefused() {
        String huge = "{ trades { code } }" + " ".repeat(25_000);

        assertRefused(huge, "QUERY_TOO_LARGE", "caractères");
    }

    @Test
    void queryWithTooManyAliasesIsRefused() {
        String aliases = IntStream.range(0, 40).mapToObj(i -> "t" + i + ": trades { code }")
                .collect(Collectors.joining(" ", "{ ", " }"));

        assertRefused(aliases, "TOO_MANY_ALIASES", "alias");
    }

    @Test
    void ordinaryQueriesStayWithinTheLimits() {
        String ordinary = "{ members(first: 50) { totalCount edges { node { cardNumber lastName trades { label } "
                + "localUnit { name parent { name } } dues { year } } } } orgUnits(level: REGIONAL) { code children { code } } }";

        graphQl.document(ordinary).execute().errors().verify().path("members.totalCount").hasValue();
    }

    /** Refused, and refused again when sent a second time, once its parsed form is kept ({@link ParsedDocuments}). */
    private void assertRefused(String document, String code, String words) {
        for (int attempt = 0; attempt < 2; attempt++) {
            graphQl.document(document).execute().errors().satisfy(errors -> {
                assertThat(errors).hasSize(1);
                ResponseError error = errors.get(0);
                assertThat(error.getExtensions()).containsEntry("code", code);
                assertThat(error.getMessage()).contains(words);
            });
        }
    }
}
