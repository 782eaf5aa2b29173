package org.jekafo.ballot;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Figures for the ballot cryptography on this machine (not a test: it asserts nothing about time). Run after
 * {@code ./mvnw -o -pl ballot-crypto test-compile}:
 * <pre>
 * java -cp ballot-crypto/target/classes:ballot-crypto/target/test-classes:$HOME/.m2/repository/org/bouncycastle/bcprov-jdk18on/1.87/bcprov-jdk18on-1.87.jar \
 *     org.jekafo.ballot.CryptoBenchmark [ballots [record-file]]
 * </pre>
 * A national consultation of {@code ballots} voters (22,000 by default) answers one yes/no/abstain question.
 * Each figure is given as wall-clock time and as the CPU time of the measuring thread: on a machine shared with
 * other work the second is the one that says what the code costs. The recount runs on every processor; its CPU
 * time is the whole process's. With a second argument it writes the published record there, for
 * {@code org.jekafo.ballot.Recount} to be run on it as an auditor would.
 */
public final class CryptoBenchmark {

    private static final int WARM_UP = 1_500;
    private static final int MEASURED = 2_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static long startCpu;

    public static void main(String[] args) {
        int voters = args.length > 0 ? Integer.parseInt(args[0]) : 22_000;
        SecureRandom random = new SecureRandom();
        System.out.printf("ballot-crypto benchmark: Java %s, %d processors, %d voters%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), voters);

        long start = start();
        Group.generatorTable();
        report("G table (once per JVM)", start, 1);
        ElectionKey key = ElectionKey.generate(random);
        ElectionPublicKey publicKey = key.publicKey();
        start = start();
        publicKey.prepare();
        report("H table (once per key instance)", start, 1);

        BallotForm form = BallotForm.of("consultation-benchmark", new QuestionForm("q1", AnswerRule.yesNoAbstain()));
        List<int[]> yes = List.of(new int[]{1, 0, 0});

        for (int i = 0; i < WARM_UP; i++) {
            EncryptedBallot ballot = EncryptedBallot.encrypt(publicKey, form, yes, random);
            check(ballot.verify(publicKey, form));
            check(EncryptedBallot.decode(ballot.encode()).verify(publicKey, form));
        }

        List<EncryptedBallot> sample = new ArrayList<>(MEASURED);
        start = start();
        for (int i = 0; i < MEASURED; i++) {
            sample.add(EncryptedBallot.encrypt(publicKey, form, List.of(new int[][]{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}[i % 3]), random));
        }
        double encrypt = report("encrypt + prove, 3-option single choice", start, MEASURED);
        start = start();
        for (EncryptedBallot ballot : sample) {
            check(ballot.verify(publicKey, form));
        }
        double verify = report("verify (ballot in memory)", start, MEASURED);
        System.out.printf("  => encrypt + prove + verify: %.0f µs cpu per ballot%n", encrypt + verify);
        List<String> texts = new ArrayList<>(MEASURED);
        start = start();
        for (EncryptedBallot ballot : sample) {
            texts.add(ballot.encode());
        }
        report("encode to text", start, MEASURED);
        List<EncryptedBallot> decoded = new ArrayList<>(MEASURED);
        start = start();
        for (String text : texts) {
            decoded.add(EncryptedBallot.decode(text));
        }
        report("decode from text (points validated)", start, MEASURED);
        start = start();
        for (EncryptedBallot ballot : decoded) {
            ballot.receiptCode();
        }
        report("fingerprint + receipt code", start, MEASURED);
        System.out.printf("  ballot size: %d bytes, %d characters of text%n", sample.get(0).toBytes().length,
                texts.get(0).length());

        List<String> published = new ArrayList<>(voters);
        int[] expected = new int[3];
        start = start();
        for (int i = 0; i < voters; i++) {
            int choice = (i % 10 < 6) ? 0 : (i % 10 < 9) ? 1 : 2;
            expected[choice]++;
            int[] vector = new int[3];
            vector[choice] = 1;
            published.add(EncryptedBallot.encrypt(publicKey, form, List.of(vector), random).encode());
        }
        report("encrypt + encode " + voters + " ballots (total)", start, 1);
        start = start();
        List<EncryptedBallot> box = published.stream().map(EncryptedBallot::decode).toList();
        report("decode " + voters + " ballots (total)", start, 1);

        Tally tally = null;
        for (int round = 0; round < 3; round++) {
            start = start();
            tally = Tally.of(form, box);
            report("homomorphic sum, " + voters + " ballots x 3 options (total)", start, 1);
        }

        start = start();
        DecryptedTally result = key.decryptTally(form, tally);
        report("decrypt + prove + discrete log, 3 sums (total)", start, 1);
        check(result.counts().get(0).equals(List.of(expected[0], expected[1], expected[2])));
        start = start();
        for (int o = 0; o < 3; o++) {
            check(result.decryptions().get(0).get(o).verify(publicKey, tally.sums().get(0).get(o), form.context(0), o));
        }
        report("verify 3 decryption proofs (total)", start, 1);

        Ciphertext big = publicKey.encrypt(200_000, random);
        start = start();
        ProvenDecryption large = key.decrypt(big, form.context(0), 0, 250_000);
        report("decrypt + prove + discrete log of 200,000", start, 1);
        check(large.value() == 200_000);

        long processCpu = processCpuNanos();
        start = start();
        RecountReport recount = Recount.run(publicKey, form, box, result);
        System.out.printf("%-58s %10.1f ms wall %10.1f ms cpu (process)%n",
                "recount of " + voters + " ballots, every proof (parallel)", (System.nanoTime() - start) / 1e6,
                (processCpuNanos() - processCpu) / 1e6);
        check(recount.confirmed());
        System.out.println(recount.describe());
        if (args.length > 1) {
            try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of(args[1]))) {
                new PublishedRecord(publicKey, form, box, result).write(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            System.out.println("published record written to " + args[1]);
        }
    }

    private static long start() {
        startCpu = THREADS.getCurrentThreadCpuTime();
        return System.nanoTime();
    }

    /** Prints wall and thread CPU time; returns CPU microseconds per operation. */
    private static double report(String what, long start, int operations) {
        double wall = (System.nanoTime() - start) / 1_000.0 / operations;
        double cpu = (THREADS.getCurrentThreadCpuTime() - startCpu) / 1_000.0 / operations;
        if (operations == 1) {
            System.out.printf("%-58s %10.1f ms wall %10.1f ms cpu%n", what, wall / 1_000, cpu / 1_000);
        } else {
            System.out.printf("%-58s %10.1f µs wall %10.1f µs cpu  per op%n", what, wall, cpu);
        }
        return cpu;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void check(boolean condition) {
        if (!condition) {
            throw new IllegalStateException("benchmark sanity check failed");
        }
    }
}
