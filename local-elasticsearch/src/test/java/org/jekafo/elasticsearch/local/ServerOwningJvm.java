package org.jekafo.elasticsearch.local;

import java.nio.file.Path;

/**
 * Main class of a separate JVM that starts a server in the folder given as argument, prints
 * {@code watchdog=<pid>} and then waits to be killed (see {@link KilledJvmTest}).
 */
final class ServerOwningJvm {

    static final String REPORT_PREFIX = "watchdog=";

    private ServerOwningJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalElasticsearch elasticsearch = LocalElasticsearch.builder()
                .dataDirectory(Path.of(args[0]))
                .heap("256m")
                .build()
                .start();
        System.out.println(REPORT_PREFIX + elasticsearch.process().orElseThrow().pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
