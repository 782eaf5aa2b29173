package org.jekafo.process.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** TCP ports on 127.0.0.1, the only address the local servers listen on. */
public final class FreePort {

    public static final String LOOPBACK = "127.0.0.1";

    private FreePort() {
    }

    /** A port that is free right now, chosen by the operating system. */
    public static int pick() {
        try (ServerSocket socket = bind(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port", e);
        }
    }

    /** Fails early when {@code port} is taken, rather than talking to whatever server holds it. */
    public static void requireFree(int port) {
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
