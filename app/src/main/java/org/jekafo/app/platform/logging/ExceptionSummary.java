package org.jekafo.app.platform.logging;

import org.axonframework.messaging.HandlerExecutionException;
import org.jekafo.api.common.Refusal;

import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a log may say about one exception: its class and what identifies the fault, never its message when that
 * may quote a value. A refusal is told by its code and field; a database error by its SQL state, vendor code and
 * constraint (a unique violation's message quotes the duplicated key: {@code Key (national_id)=(…) already
 * exists}); the message itself only for the few exceptions whose text the JDK writes from no input.
 */
public final class ExceptionSummary {

    /** Messages written by the JDK from no input: kept, since they say what failed. */
    private static final Set<String> MESSAGES_WITHOUT_VALUES = Set.of("java.net.ConnectException",
            "java.net.SocketTimeoutException", "java.net.SocketException", "java.net.NoRouteToHostException",
            "java.util.concurrent.TimeoutException", "java.lang.OutOfMemoryError", "java.lang.StackOverflowError",
            "java.lang.NullPointerException", "java.lang.ClassCastException",
            "java.lang.ArrayIndexOutOfBoundsException", "java.lang.IndexOutOfBoundsException",
            "java.lang.StringIndexOutOfBoundsException", "java.nio.charset.MalformedInputException",
            "java.nio.charset.UnmappableCharacterException", "java.lang.InterruptedException");
    /** PostgreSQL: {@code … violates unique constraint "member_directory_national_id_key"}. */
    private static final Pattern QUOTED_CONSTRAINT = Pattern.compile("constraint \"([A-Za-z0-9_.$]+)\"");
    /** H2: {@code Unique index or primary key violation: "PUBLIC.CONSTRAINT_8 ON PUBLIC.MEMBER_DIRECTORY(…) VALUES …"}. */
    private static final Pattern H2_INDEX = Pattern.compile("\"([A-Za-z0-9_.$]+) ON ([A-Za-z0-9_.$]+)");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\u0085\\u2028\\u2029]+");

    private ExceptionSummary() {
    }

    /** One line: the class, then the codes, SQL state and constraint, or the message when it holds no value. */
    public static String of(Throwable exception) {
        StringBuilder summary = new StringBuilder(exception.getClass().getName());
        Refusal refusal = refusalOf(exception);
        if (refusal != null) {
            summary.append(" [refusal ").append(refusal.code());
            if (refusal.field() != null) {
                summary.append(", field ").append(refusal.field());
            }
            return summary.append(']').toString();
        }
        if (exception instanceof SQLException sql) {
            summary.append(" [SQL state ").append(sql.getSQLState()).append(", error ").append(sql.getErrorCode());
            String constraint = constraintOf(sql.getMessage());
            if (constraint != null) {
                summary.append(", constraint ").append(constraint);
            }
            return summary.append(']').toString();
        }
        String message = exception.getMessage();
        if (message == null) {
            return summary.toString();
        }
        if (MESSAGES_WITHOUT_VALUES.contains(exception.getClass().getName())) {
            return summary.append(": ").append(oneLine(message)).toString();
        }
        return summary.append(" [message withheld, ").append(message.length()).append(" characters]").toString();
    }

    /** {@code text} on one line: every line break becomes the two characters {@code \n}. */
    public static String oneLine(String text) {
        return LINE_BREAKS.matcher(text).replaceAll("\\\\n");
    }

    private static Refusal refusalOf(Throwable exception) {
        return exception instanceof HandlerExecutionException handlerFailure
                && handlerFailure.getDetails().orElse(null) instanceof Refusal refusal ? refusal : null;
    }

    private static String constraintOf(String message) {
        if (message == null) {
            return null;
        }
        Matcher quoted = QUOTED_CONSTRAINT.matcher(message);
        if (quoted.find()) {
            return quoted.group(1);
        }
        Matcher h2 = H2_INDEX.matcher(message);
        return h2.find() ? h2.group(1) + " on " + h2.group(2) : null;
    }
}
