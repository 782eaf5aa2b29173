package org.jekafo.query.membership;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.jekafo.api.membership.MemberFilter;
import org.jekafo.query.orgunit.OrgUnitTree;
import org.jekafo.query.orgunit.OrgUnitTreeFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jekafo.query.membership.Members.filter;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_03;
import static org.jekafo.query.orgunit.OrgUnits.SEGOU_05;

/** Turning a MemberFilter into an Elasticsearch query, without Elasticsearch (tree of {@code OrgUnits}). */
class MemberSearchQueryTest {

    private final OrgUnitTree tree = OrgUnitTreeFixture.sharedTree();

    private Query query(Consumer<Members.Criteria> criteria) {
        return MemberSearchQuery.of(filter(criteria), tree);
    }

    @Test
    void noFilterMatchesEveryMember() {
        assertThat(MemberSearchQuery.of(null, tree).isMatchAll()).isTrue();
    }

    @Test
    void unknownOrgUnitMatchesNoMember() {
        assertThat(query(f -> f.orgUnitId = "ou-nowhere").isMatchNone()).isTrue();
    }

    @Test
    void unknownOrgUnitMatchesNoMemberWhateverTheOtherCriteria() {
        assertThat(query(f -> {
            f.orgUnitId = "ou-nowhere";
            f.name = "traore";
            f.trade = "COUTURE";
        }).isMatchNone()).isTrue();
    }

    @ParameterizedTest(name = "phone \"{0}\"")
    @ValueSource(strings = {"76 12", "abc", "+33 6 12 34 56 78", "7612345678"})
    void unparsablePhoneMatchesNoMember(String phone) {
        assertThat(query(f -> f.phone = phone).isMatchNone()).isTrue();
    }

    @Test
    void phoneIsSearchedInItsInternationalForm() {
        Query query = query(f -> f.phone = "76 12 34 56");

        assertThat(query.bool().filter()).singleElement().satisfies(clause -> {
            assertThat(clause.term().field()).isEqualTo("phone");
            assertThat(clause.term().value().stringValue()).isEqualTo("+22376123456");
        });
    }

    @Test
    void regionIsSearchedAsItsLocalUnits() {
        Query query = query(f -> f.orgUnitId = SEGOU);

        assertThat(query.bool().filter()).singleElement().satisfies(clause -> {
            assertThat(clause.terms().field()).isEqualTo("localUnitId");
            assertThat(clause.terms().terms().value()).extracting(FieldValue::stringValue)
                    .containsExactly(SEGOU_03, SEGOU_05);
        });
    }

    @Test
    void nameIsFoldedBeforeSearching() {
        Query query = query(f -> f.name = "  TRAORÉ  Aminata ");

        assertThat(query.bool().must()).singleElement().satisfies(clause -> {
            assertThat(clause.matchBoolPrefix().field()).isEqualTo("nameFolded");
            assertThat(clause.matchBoolPrefix().query()).isEqualTo("traore aminata");
        });
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {"", "   ", "--"})
    void blankNameIsIgnored(String name) {
        assertThat(query(f -> f.name = name).bool().must()).isEmpty();
    }

    @Test
    void emptyFilterHasNoClause() {
        Query query = MemberSearchQuery.of(new MemberFilter(null, null, null, null, null, null, null, null, null, null),
                tree);

        assertThat(query.bool().filter()).isEmpty();
        assertThat(query.bool().must()).isEmpty();
    }
}
