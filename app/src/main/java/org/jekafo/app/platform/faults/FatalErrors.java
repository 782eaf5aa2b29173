package org.jekafo.app.platform.faults;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends the process when a part it cannot run without is dead: an {@link Error} reached an event processor's
 * thread (which Axon would leave stuck, its projection never moving again), or the Elasticsearch client's I/O
 * reactor stopped (every later call would fail). Running on would leave a zombie that accepts commands and
 * never shows them; ending lets the supervisor (systemd, Docker, Kubernetes) start a healthy process, which
 * resumes every projection from its stored token.
 *
 * <p>The exit is orderly (the Spring context is closed: processors stop, a local Elasticsearch is stopped) and
 * its code is {@value #EXIT_CODE}; should closing take more than {@link #GRACE}, the process is halted with the
 * same code. An {@link OutOfMemoryError} ends the JVM before any of this: the launchers run it with
 * {@code -XX:+ExitOnOutOfMemoryError} (exit code 3).
 */
@Component
public class FatalErrors {

    /** The process's exit code after a fatal error (sysexits' EX_SOFTWARE). */
    public static final int EXIT_CODE = 70;
    static final Duration GRACE = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(FatalErrors.class);

    private final AtomicBoolean ending = new AtomicBoolean();
    private final Exit exit;

    @Autowired
    FatalErrors(ApplicationContext context) {
        this(code -> System.exit(SpringApplication.exit(context, () -> code)));
    }

    /** @param exit how the process ends; tests record the call instead */
    FatalErrors(Exit exit) {
        this.exit = exit;
    }

    /** How the process ends with a code. */
    @FunctionalInterface
    interface Exit {
        void exit(int code);
    }

    /**
     * Ends the process (once, whoever calls): logs what died, then closes the application and exits with
     * {@value #EXIT_CODE} on a thread of its own, so that the caller — possibly a thread the shutdown waits
     * for — returns at once.
     *
     * @param part  what died, for the log (e.g. {@code event processor member-projection})
     * @param cause the error, or {@code null} when only its effect was seen
     */
    public void end(String part, Throwable cause) {
        if (!ending.compareAndSet(false, true)) {
            return;
        }
        LOG.error("FATAL: {} is dead; the process ends with code {} so that its supervisor restarts it", part,
                EXIT_CODE, cause);
        Thread ender = new Thread(() -> exit.exit(EXIT_CODE), "fatal-error-exit");
        ender.start();
        Thread halter = new Thread(() -> {
            try {
                ender.join(GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (ender.isAlive()) {
                Runtime.getRuntime().halt(EXIT_CODE);
            }
        }, "fatal-error-halt");
        halter.setDaemon(true);
        halter.start();
    }

    /** Whether the process is ending because of a fatal error. */
    public boolean isEnding() {
        return ending.get();
    }
}
