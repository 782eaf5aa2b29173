package org.jekafo.elasticsearch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** TCP ports on 127.0.0.1, the only address the local server listens on. */
final class FreePort {

    static final String LOOPBACK = "127.0.0.1";

    private FreePort() {
    }

    /** A port that is free right now, chosen by the operating system. */
    static int pick() {
        try (ServerSocket socket = bind(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port", e);
        }
    }

    /** Fails early when {@code port} is taken, rather than talking to whatever server holds it. */
    static void requireFree(int port) {
        try (ServerSocket ignored = bind(port)) {
            // free
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on " + LOOPBACK + " is already in use", e);
        }
    }

    private static ServerSocket bind(int port) throws IOException {
        return new ServerSocket(port, 1, InetAddress.getByName(LOOPBACK));
    }
}
