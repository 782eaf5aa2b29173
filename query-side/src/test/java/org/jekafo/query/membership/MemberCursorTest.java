package org.jekafo.query.membership;

import org.jekafo.api.common.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the pagination cursors of FindMembersQuery, without Elasticsearch (following pages: MemberQueriesTest). */
class MemberCursorTest {

    private static String base64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "cursor \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingCursorStartsAtTheBeginning(String cursor) {
        assertThat(MemberQueries.memberIdOf(cursor)).isEmpty();
    }

    @Test
    void cursorIssuedByTheServerNamesTheLastMemberOfItsPageAndNothingElse() {
        assertThat(MemberQueries.memberIdOf(base64("m:0193a6b2-7c1d-7e00-8000-000000000001")))
                .contains("0193a6b2-7c1d-7e00-8000-000000000001");
    }

    @ParameterizedTest(name = "cursor \"{0}\"")
    @ValueSource(strings = {"%%%", "not a cursor!", "a", "dHJhb3Jl" /* "traore", no prefix */, "bTo" /* "m:", no id */,
            "dHJhb3Jl+bS0x/" /* standard, not URL-safe, alphabet */})
    void garbageCursorIsRefusedAsInvalidCursor(String cursor) {
        assertThatThrownBy(() -> MemberQueries.memberIdOf(cursor))
                .isInstanceOfSatisfying(InvalidCursorException.class, refused ->
                        assertThat(refused.<Refusal>getDetails()).hasValueSatisfying(refusal -> {
                            assertThat(refusal.code()).isEqualTo("INVALID_CURSOR");
                            assertThat(refusal.field()).isEqualTo("after");
                            assertThat(refusal.message()).contains(cursor);
                        }));
    }
}
