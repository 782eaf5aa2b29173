package org.jekafo.process.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Artifacts of Maven Central in the local Maven repository: taken from there when the build already resolved
 * them, else downloaded into it (SHA-1 checked), as Maven itself would.
 */
public final class MavenCentral {

    private static final Logger log = LoggerFactory.getLogger(MavenCentral.class);
    private static final URI BASE = URI.create("https://repo.maven.apache.org/maven2/");

    private MavenCentral() {
    }

    /**
     * The file of {@code groupId:artifactId:version} with extension {@code type} (e.g. {@code zip}) in the local
     * Maven repository, downloaded first when it is not there.
     */
    public static Path obtain(String groupId, String artifactId, String version, String type) throws IOException {
        String relativePath = groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + artifactId + "-"
                + version + "." + type;
        Path file = localRepository().resolve(relativePath);
        if (Files.isRegularFile(file)) {
            log.info("Using {} from the local Maven repository", file);
        } else {
            download(relativePath, file);
        }
        return file;
    }

    /** The local Maven repository: system property {@code maven.repo.local}, else {@code ~/.m2/repository}. */
    public static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /**
     * Downloads {@code relativePath} to {@code target}: into a temporary file next to it first, which
     * is then atomically moved into place, so that concurrent readers never see a partial file.
     */
    static void download(String relativePath, Path target) throws IOException {
        URI source = BASE.resolve(relativePath);
        log.info("Downloading {} to {}", source, target);
        long started = System.nanoTime();
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            String actualSha1 = fetch(client, source, partial);
            String expectedSha1 = fetchText(client, URI.create(source + ".sha1")).trim().split("\\s+")[0];
            if (!actualSha1.equalsIgnoreCase(expectedSha1)) {
                throw new IOException("Checksum mismatch for " + source + ": expected SHA-1 " + expectedSha1
                        + ", got " + actualSha1);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        log.info("Downloaded {} ({} MB) in {} s", target.getFileName(), Files.size(target) / (1024 * 1024),
                (System.nanoTime() - started) / 1_000_000_000);
    }

    /** Writes the body of {@code source} to {@code file} and returns its SHA-1 in hex. */
    private static String fetch(HttpClient client, URI source, Path file) throws IOException {
        HttpResponse<InputStream> response = send(client, source, HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest sha1 = sha1();
        try (InputStream body = new DigestInputStream(response.body(), sha1)) {
            requireOk(source, response);
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    private static String fetchText(HttpClient client, URI source) throws IOException {
        HttpResponse<String> response = send(client, source, HttpResponse.BodyHandlers.ofString());
        requireOk(source, response);
        return response.body();
    }

    private static <T> HttpResponse<T> send(HttpClient client, URI source, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        try {
            return client.send(HttpRequest.newBuilder(source).GET().build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while downloading " + source, e);
        }
    }

    private static void requireOk(URI source, HttpResponse<?> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("GET " + source + " answered HTTP " + response.statusCode());
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
