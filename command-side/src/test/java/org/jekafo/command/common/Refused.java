package org.jekafo.command.common;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.jekafo.api.common.Refusal;

import java.util.Objects;

/**
 * Matches a {@link CommandRefusedException} whose {@link Refusal} has the given code and field (and a message
 * for people). Use with the fixture's {@code expectException(Matcher)}: the type, the code and the field are
 * all checked.
 */
public final class Refused extends TypeSafeDiagnosingMatcher<CommandRefusedException> {

    private final String code;
    private final String field;

    private Refused(String code, String field) {
        this.code = code;
        this.field = field;
    }

    /** A refusal with this code, naming this field (or no field when {@code field} is null). */
    public static Matcher<CommandRefusedException> refused(String code, String field) {
        return new Refused(code, field);
    }

    @Override
    protected boolean matchesSafely(CommandRefusedException exception, Description mismatch) {
        Refusal refusal = exception.refusal();
        boolean matches = Objects.equals(refusal.code(), code) && Objects.equals(refusal.field(), field)
                && refusal.message() != null && !refusal.message().isBlank();
        if (!matches) {
            mismatch.appendText("was refused with ").appendValue(refusal);
        }
        return matches;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a CommandRefusedException with code ").appendValue(code)
                .appendText(", field ").appendValue(field).appendText(" and a message");
    }
}
