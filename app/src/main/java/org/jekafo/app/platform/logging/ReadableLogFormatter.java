package org.jekafo.app.platform.logging;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The developer console ({@code logging.structured.format.console}): one line per event, as Spring Boot's
 * pattern shows it, with every line break of the message escaped as {@code \n}, so that no value can start a
 * line of its own. A stack trace follows on lines that all start with a tab, printed by
 * {@link RedactedStackTracePrinter} (no message that may quote a value). Servers in production log JSON.
 */
public class ReadableLogFormatter implements StructuredLogFormatter<ILoggingEvent> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneId.systemDefault());
    private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(40);
    private final RedactedStackTracePrinter stackTrace = new RedactedStackTracePrinter();

    @Override
    public String format(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(160);
        line.append(TIME.format(event.getInstant())).append(' ')
                .append(String.format("%5s", event.getLevel())).append(" [")
                .append(ExceptionSummary.oneLine(event.getThreadName())).append("] ")
                .append(String.format("%-40s", abbreviator.abbreviate(event.getLoggerName()))).append(" : ")
                .append(ExceptionSummary.oneLine(String.valueOf(event.getFormattedMessage())))
                .append(System.lineSeparator());
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown instanceof ThrowableProxy proxy) {
            StringBuilder trace = new StringBuilder();
            try {
                stackTrace.printStackTrace(proxy.getThrowable(), trace);
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
            trace.toString().lines().forEach(traceLine -> line.append('\t').append(traceLine)
                    .append(System.lineSeparator()));
        }
        return line.toString();
    }
}
