package org.jekafo.app.census;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.app.platform.gate.Role;
import org.jekafo.app.platform.identity.SigningKey;
import org.jekafo.app.platform.identity.TokenMinter;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code ./jekafo import FILE [REPORT]} when a server runs: sends the file to it ({@code POST /imports}),
 * follows the import's progress (GraphQL {@code censusImport}) on one updating line, downloads the report of
 * rejected lines and prints a short French summary. Plain Java, run from the application's jar like
 * {@code TokenCommand}. The server is {@code JEKAFO_URL} (default {@code http://localhost:$PORT}, port 8080);
 * the token {@code JEKAFO_TOKEN}, or one minted for the executive bureau with this machine's key
 * ({@code JEKAFO_DATA_DIR}/security, as {@code ./jekafo token} does). Exit status: 0 done, 1 refused or
 * failed, 2 usage, 3 no server answers (the script then imports standalone).
 */
public final class ImportClient {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int NO_SERVER = 3;

    private static final Duration POLL = Duration.ofMillis(500);
    private static final String PROGRESS = "query($id: ID!) { censusImport(id: $id) { state linesDone linesTotal "
            + "registered alreadyImported rejected linesPerSecond searchable message reportPath fileName } }";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String url;
    private final String token;
    private final PrintStream out;

    ImportClient(String url, String token, PrintStream out) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.token = token;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out) {
        if (args.length < 1 || args.length > 2) {
            out.println("usage: ./jekafo import FICHIER [RAPPORT]");
            return USAGE;
        }
        Path file = Path.of(args[0]);
        Path report = Path.of(args.length > 1 ? args[1] : "rejets-import.csv");
        String url = env.getOrDefault("JEKAFO_URL", "http://localhost:" + env.getOrDefault("PORT", "8080"));
        try {
            if (!serverAnswers(url)) {
                return NO_SERVER;
            }
            String token = env.get("JEKAFO_TOKEN");
            if (token == null || token.isBlank()) {
                token = localToken(Path.of(env.getOrDefault("JEKAFO_DATA_DIR", "data")));
            }
            return new ImportClient(url, token, out).importFile(file, report);
        } catch (IOException e) {
            out.println("Import impossible : " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    int importFile(Path file, Path report) throws IOException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            out.println("Le fichier « " + file + " » n'existe pas.");
            return FAILED;
        }
        out.println("Envoi de " + file.getFileName() + " au serveur " + url + "…");
        long start = System.nanoTime();
        HttpResponse<String> sent = http.send(request("/imports?name="
                        + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (sent.statusCode() != 202) {
            out.println("Import refusé par le serveur (" + sent.statusCode() + ") : " + refusal(sent));
            return FAILED;
        }
        String id = json.readTree(sent.body()).path("id").asText();
        ProgressLine line = new ProgressLine(out, System.console() != null);
        JsonNode view = follow(id, line);
        line.end();
        if (!"DONE".equals(view.path("state").asText())) {
            out.println("Import de " + file.getFileName() + " arrêté : " + view.path("message").asText());
            return FAILED;
        }
        HttpResponse<Path> downloaded = http.send(request(view.path("reportPath").asText()).GET().build(),
                HttpResponse.BodyHandlers.ofFile(report.toAbsolutePath()));
        if (downloaded.statusCode() != 200) {
            out.println("Le rapport des rejets n'a pas pu être téléchargé (" + downloaded.statusCode() + ").");
            return FAILED;
        }
        out.println(ProgressLine.summary(view.path("fileName").asText(), view.path("linesTotal").asInt(),
                view.path("registered").asInt(), view.path("alreadyImported").asInt(), view.path("rejected").asInt(),
                view.path("searchable").isNull() ? null : view.path("searchable").asBoolean(),
                view.path("message").isNull() ? null : view.path("message").asText(),
                report.toAbsolutePath().toString(), Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0));
        return DONE;
    }

    /** Polls the import's state until it ends, showing each step. */
    private JsonNode follow(String id, ProgressLine line) throws IOException, InterruptedException {
        while (true) {
            JsonNode view = progress(id);
            line.show(ProgressLine.stage(view.path("state").asText()), view.path("linesDone").asInt(),
                    view.path("linesTotal").asInt(), view.path("registered").asInt(),
                    view.path("alreadyImported").asInt(), view.path("rejected").asInt(),
                    view.path("linesPerSecond").asDouble());
            String state = view.path("state").asText();
            if (state.equals("DONE") || state.equals("FAILED")) {
                return view;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private JsonNode progress(String id) throws IOException, InterruptedException {
        String body = json.writeValueAsString(Map.of("query", PROGRESS, "variables", Map.of("id", id)));
        HttpResponse<String> answer = http.send(request("/graphql").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode tree = json.readTree(answer.body());
        JsonNode view = tree.path("data").path("censusImport");
        if (view.isMissingNode() || view.isNull()) {
            throw new IOException("le serveur ne connaît plus l'import " + id + " : "
                    + tree.path("errors").path(0).path("message").asText("redémarré ?"));
        }
        return view;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token);
    }

    private String refusal(HttpResponse<String> answer) {
        if (answer.statusCode() == 401) {
            return "jeton refusé (définissez JEKAFO_TOKEN, ou lancez l'import sur la machine du serveur)";
        }
        try {
            JsonNode body = json.readTree(answer.body());
            return body.path("message").asText(answer.body());
        } catch (IOException notJson) {
            return answer.body();
        }
    }

    private static boolean serverAnswers(String url) throws InterruptedException {
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            probe.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health")).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return true; // any answer, even DOWN: the server is up and holds the store
        } catch (IOException nobody) {
            return false;
        }
    }

    private static String localToken(Path dataDir) {
        ActingPrincipal principal = new ActingPrincipal(System.getProperty("user.name", "import"),
                Role.EXECUTIVE_BUREAU, null, null);
        return new TokenMinter(SigningKey.of(dataDir)).mint(principal, Duration.ofHours(2));
    }
}
