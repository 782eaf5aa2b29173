package org.jekafo.benchmark;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Warms the server up before measuring: a round of requests repeated until the JIT compiler is nearly idle (under
 * 5 % of the round's time spent compiling), at most {@value #MAX_ROUNDS} rounds. A server that has been running
 * answers with compiled code; on two shared cores a compiler still at work takes the CPU the requests measured next
 * would have had (measured: a third of this JVM's CPU during the first measurements after a single round, and audit
 * queries' p99 doubled on a server just restarted).
 */
final class JitWarmUp {

    static final int MAX_ROUNDS = 4;

    /** One round of warm-up requests. */
    interface Round {
        void run() throws Exception;
    }

    private JitWarmUp() {
    }

    /** Runs {@code round} until the compiler is nearly idle; says how many rounds it took. */
    static String untilCompilerIdle(Round round) throws Exception {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        String said = "no warm-up";
        for (int n = 1; n <= MAX_ROUNDS; n++) {
            long compilingBefore = compiler.getTotalCompilationTime();
            long started = System.nanoTime();
            Console.say("warming up, round " + n);
            round.run();
            double compiling = (compiler.getTotalCompilationTime() - compilingBefore)
                    / ((System.nanoTime() - started) / 1e6);
            said = String.format(Locale.ROOT, "%d warm-up round%s (the JIT compiler busy %.0f %% of the last)", n,
                    n == 1 ? "" : "s", 100 * compiling);
            Console.say(said);
            if (compiling < 0.05) {
                break;
            }
        }
        return said;
    }
}
