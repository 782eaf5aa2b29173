package org.jekafo.elasticsearch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jekafo.process.local.FreePort;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A builder-started server, closed before the tests look at what is left of it. */
class ClosedLocalElasticsearchTest {

    @TempDir
    static Path dataDirectory;

    private static List<ProcessHandle> processTree;
    private static List<String> commandLines;
    private static int port;

    @BeforeAll
    static void startAndClose() {
        LocalElasticsearch elasticsearch = LocalElasticsearch.builder()
                .dataDirectory(dataDirectory)
                .heap("256m")
                .build()
                .start();
        port = URI.create(elasticsearch.url()).getPort();
        ProcessHandle watchdog = elasticsearch.process().orElseThrow();
        processTree = Stream.concat(Stream.of(watchdog), watchdog.descendants()).collect(Collectors.toList());
        commandLines = processTree.stream()
                .map(process -> process.info().commandLine().orElse(""))
                .collect(Collectors.toList());

        elasticsearch.close();
    }

    @Test
    void serverJvmWasAmongTheProcessesWatched() {
        assertThat(commandLines).anyMatch(commandLine -> commandLine.contains("org.elasticsearch.bootstrap.Elasticsearch"));
    }

    @Test
    void processAndAllDescendantsAreGoneAfterClose() {
        assertThat(processTree).hasSizeGreaterThanOrEqualTo(3).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void portNoLongerAnswersAfterClose() {
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(FreePort.LOOPBACK, port), 2_000);
            }
        }).isInstanceOf(IOException.class);
    }
}
