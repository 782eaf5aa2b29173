package org.jekafo.app.platform.logging;

import org.springframework.boot.logging.StackTracePrinter;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A stack trace as the JVM prints it, except that each exception is shown by its {@link ExceptionSummary}:
 * frames, causes and suppressed exceptions, never a message that may quote a value. Spring Boot's structured
 * logs use it ({@code logging.structured.json.stacktrace.printer}), and so does the developer console.
 */
public class RedactedStackTracePrinter implements StackTracePrinter {

    private static final int MAX_CAUSES = 20;

    @Override
    public void printStackTrace(Throwable throwable, Appendable out) throws IOException {
        print(throwable, out, "", "", new StackTraceElement[0], Collections.newSetFromMap(new IdentityHashMap<>()), 0);
    }

    private void print(Throwable throwable, Appendable out, String indent, String caption,
                       StackTraceElement[] enclosing, Set<Throwable> seen, int depth) throws IOException {
        if (!seen.add(throwable) || depth > MAX_CAUSES) {
            out.append(indent).append(caption).append("[circular or too deep: ")
                    .append(throwable.getClass().getName()).append("]\n");
            return;
        }
        out.append(indent).append(caption).append(ExceptionSummary.of(throwable)).append('\n');
        StackTraceElement[] frames = throwable.getStackTrace();
        int inCommon = framesInCommon(frames, enclosing);
        for (int i = 0; i < frames.length - inCommon; i++) {
            out.append(indent).append("\tat ").append(ExceptionSummary.oneLine(frames[i].toString())).append('\n');
        }
        if (inCommon > 0) {
            out.append(indent).append("\t... ").append(String.valueOf(inCommon)).append(" more\n");
        }
        for (Throwable suppressed : throwable.getSuppressed()) {
            print(suppressed, out, indent + "\t", "Suppressed: ", frames, seen, depth + 1);
        }
        Throwable cause = throwable.getCause();
        if (cause != null) {
            print(cause, out, indent, "Caused by: ", frames, seen, depth + 1);
        }
    }

    private static int framesInCommon(StackTraceElement[] frames, StackTraceElement[] enclosing) {
        int i = frames.length - 1;
        int j = enclosing.length - 1;
        while (i >= 0 && j >= 0 && frames[i].equals(enclosing[j])) {
            i--;
            j--;
        }
        return frames.length - 1 - i;
    }
}
