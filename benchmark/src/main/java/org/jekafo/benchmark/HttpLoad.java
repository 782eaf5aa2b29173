package org.jekafo.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * Closed-loop load over HTTP/1.1 with kept-alive connections: {@code clients} threads, each sending its next request
 * as soon as the last one is answered, for a given time. Every answer is checked; the latency of each request is
 * kept, from the first byte written to the last byte read. The client is the JDK's {@link HttpURLConnection}, which
 * sends and reads on the calling thread (no selector thread between the client and the socket).
 */
final class HttpLoad {

    static {
        // the JDK keeps 5 idle connections per server by default: 20 clients would open a connection per request
        System.setProperty("http.maxConnections", "64");
    }

    /** One request: method, address, headers and body (null for none). */
    record Call(String method, URL url, Map<String, String> headers, byte[] body) {
    }

    /** What one measurement gave; latencies in milliseconds. */
    record Result(String name, int clients, int requests, int failures, double seconds, double p50, double p99,
                  double cpuMillisPerRequest, String firstFailure) {

        double perSecond() {
            return requests / seconds;
        }
    }

    private HttpLoad() {
    }

    /**
     * Sends {@code calls.apply(n)} for n = 0, 1, 2… from {@code clients} threads for {@code duration}; an answer
     * counts as a success when its status is 200 and {@code ok} accepts its body.
     */
    static Result measure(String name, int clients, Duration duration, LongFunction<Call> calls, Predicate<String> ok)
            throws InterruptedException {
        return measure(name, clients, Long.MAX_VALUE, duration, calls, ok);
    }

    /**
     * Sends {@code calls.apply(n)} once for each n from 0 to {@code count - 1}, from {@code clients} threads, as fast
     * as they are answered; stops early, with the calls not sent left out, when {@code timeout} has passed.
     */
    static Result measureEach(String name, int clients, long count, Duration timeout, LongFunction<Call> calls,
                              Predicate<String> ok) throws InterruptedException {
        return measure(name, clients, count, timeout, calls, ok);
    }

    private static Result measure(String name, int clients, long count, Duration duration, LongFunction<Call> calls,
                                  Predicate<String> ok) throws InterruptedException {
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        int[] failures = new int[clients];
        AtomicReference<String> firstFailure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[clients];
        long[] window = new long[2];
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads[c] = new Thread(() -> {
                long[] mine = new long[4096];
                int n = 0;
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long deadline = window[0] + duration.toNanos();
                for (long i = client; i < count && System.nanoTime() < deadline; i += clients) {
                    Call call = calls.apply(i);
                    long sent = System.nanoTime();
                    String failure;
                    try {
                        failure = send(call, ok);
                    } catch (IOException | RuntimeException e) {
                        failure = e.toString();
                    }
                    long took = System.nanoTime() - sent;
                    if (failure != null) {
                        failures[client]++;
                        firstFailure.compareAndSet(null, failure);
                        continue;
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = took;
                }
                latencies[client] = mine;
                counts[client] = n;
            }, "load-" + name + "-" + c);
        }
        for (Thread thread : threads) {
            thread.start();
        }
        long cpuBefore = Machine.processCpuNanos();
        window[0] = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        long cpu = Machine.processCpuNanos() - cpuBefore;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(name, clients, total, Arrays.stream(failures).sum(), seconds, percentile(all, 0.50),
                percentile(all, 0.99), total == 0 ? Double.NaN : cpu / 1e6 / total, firstFailure.get());
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1));
        return sorted[index] / 1e6;
    }

    /** Sends one call and reads its whole answer (so the connection is kept); null when it succeeded, else why not. */
    static String send(Call call, Predicate<String> ok) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) call.url().openConnection();
        connection.setRequestMethod(call.method());
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(60_000);
        call.headers().forEach(connection::setRequestProperty);
        if (call.body() != null) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(call.body().length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(call.body());
            }
        }
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String body;
        try (InputStream stream = in) {
            body = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (status != 200) {
            return "HTTP " + status + ": " + abbreviated(body);
        }
        return ok.test(body) ? null : "unexpected answer: " + abbreviated(body);
    }

    /** Sends one call and returns its body, or fails. */
    static String body(Call call) throws IOException {
        String[] body = new String[1];
        String failure = send(call, text -> {
            body[0] = text;
            return true;
        });
        if (failure != null) {
            throw new IOException(call.method() + " " + call.url() + " failed: " + failure);
        }
        return body[0];
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
