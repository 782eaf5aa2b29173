package org.jekafo.query.membership;

import co.elastic.clients.elasticsearch._types.FieldValue;
import org.jekafo.api.common.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decoding the pagination cursors of FindMembersQuery, without Elasticsearch. */
class MemberCursorTest {

    private static String base64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "cursor \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void missingCursorStartsAtTheBeginning(String cursor) {
        assertThat(MemberQueries.decodeCursor(cursor)).isEmpty();
    }

    @Test
    void cursorIssuedByTheServerGivesTheSortValuesToContinueAfter() {
        assertThat(MemberQueries.decodeCursor(base64("traore aminata\u001fm-1")))
                .extracting(FieldValue::stringValue).containsExactly("traore aminata", "m-1");
    }

    @ParameterizedTest(name = "cursor \"{0}\"")
    @ValueSource(strings = {"%%%", "not a cursor!", "a", "dHJhb3Jl" /* "traore", no separator */,
            "dHJhb3Jl+bS0x/" /* standard, not URL-safe, alphabet */})
    void garbageCursorIsRefusedAsInvalidCursor(String cursor) {
        assertThatThrownBy(() -> MemberQueries.decodeCursor(cursor))
                .isInstanceOfSatisfying(InvalidCursorException.class, refused ->
                        assertThat(refused.<Refusal>getDetails()).hasValueSatisfying(refusal -> {
                            assertThat(refusal.code()).isEqualTo("INVALID_CURSOR");
                            assertThat(refusal.field()).isEqualTo("after");
                            assertThat(refusal.message()).contains(cursor);
                        }));
    }
}
