package org.jekafo.command.eventstore;

import org.h2.jdbcx.JdbcDataSource;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Random;

/**
 * Run by {@link H2StoreCrashTest} in a JVM of its own, until it is killed: writes to the store in {@code args[0]}
 * (already migrated) as the application does, with housekeeping passes all the time, and prints each commit once
 * it has returned ({@code member <id>}, {@code token <processor> <n>}), each pass that rewrote chunks, and
 * {@code registered} when each of its two registering threads is done ({@link #BLOCKS} blocks of 10 members); the
 * tokens are stored until the end.
 */
final class CommittingJvm {

    static final int BLOCKS = 30;

    private CommittingJvm() {
    }

    public static void main(String[] args) throws Exception {
        JdbcDataSource dataSource = StoreWorkload.fileStore(Path.of(args[0]));
        Connection kept = dataSource.getConnection();
        for (int writer = 0; writer < 2; writer++) {
            daemon(() -> {
                Random random = new Random();
                try (Connection connection = dataSource.getConnection()) {
                    for (int block = 0; block < BLOCKS; block++) {
                        for (String id : StoreWorkload.registerMembers(connection, 10, random)) {
                            System.out.println("member " + id);
                        }
                    }
                }
                System.out.println("registered");
            });
        }
        for (String processor : StoreWorkload.PROCESSORS) {
            daemon(() -> {
                Random random = new Random();
                try (Connection connection = dataSource.getConnection()) {
                    for (int n = StoreWorkload.tokenNumber(StoreWorkload.tokens(connection).get(processor)) + 1; ; n++) {
                        StoreWorkload.storeToken(connection, processor, token(n, random));
                        System.out.println("token " + processor + " " + n);
                    }
                }
            });
        }
        H2StoreHousekeeping housekeeping = new H2StoreHousekeeping(dataSource, true, H2StoreHousekeepingTest.BUSY);
        while (!kept.isClosed()) {
            if (housekeeping.pass().orElseThrow().rewrote()) {
                System.out.println("rewrote");
            }
            Thread.sleep(H2StoreHousekeepingTest.BUSY.interval().toMillis());
        }
    }

    /** Token {@code n}: its number, then random bytes (a token's size varies with the gaps it carries). */
    private static byte[] token(int n, Random random) {
        byte[] token = StoreWorkload.bytes(random, 300 + random.nextInt(3000));
        ByteBuffer.wrap(token).putInt(n);
        return token;
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void daemon(Work work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                System.out.println("failed " + e);
                Runtime.getRuntime().halt(3);
            }
        });
        thread.setDaemon(true);
        thread.start();
    }
}
