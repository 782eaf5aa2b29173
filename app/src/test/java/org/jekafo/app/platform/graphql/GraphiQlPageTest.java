package org.jekafo.app.platform.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jekafo.app.IntegrationTest;
import org.jekafo.app.TestApi;
import org.jekafo.app.TestAxonServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL as a person opens it, in Debian's headless Chromium: the page works on a network without internet
 * (everything it loads comes from the application), and a token pasted into its Headers pane lets a query through.
 * Skipped, saying so and before the Spring context starts, where {@code /usr/bin/chromium} is absent (a developer's
 * machine); CI installs it ({@code .ci/run}) and fails rather than skip.
 */
@ExtendWith(GraphiQlPageTest.ChromiumInstalled.class)
class GraphiQlPageTest extends IntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path profile;
    private static ChromeDriver browser;

    /** Disables the class where Chromium or its driver is missing, unless in CI, where {@link #startChromium} fails. */
    static class ChromiumInstalled implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (TestAxonServer.profileActive()) {
                return ConditionEvaluationResult.disabled("the axonserver profile (production) turns GraphiQL off");
            }
            return installed() || System.getenv("CI") != null
                    ? ConditionEvaluationResult.enabled(CHROMIUM + " and " + CHROMEDRIVER + " present, or CI")
                    : ConditionEvaluationResult.disabled("GraphiQL not tested in a browser: no " + CHROMIUM + " or no "
                            + CHROMEDRIVER + " on this machine (apt-get install chromium chromium-driver)");
        }
    }

    private static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeAll
    static void startChromium() throws IOException {
        assertThat(installed()).as("CI installs chromium and chromium-driver (.ci/run)").isTrue();
        profile = Files.createTempDirectory("jekafo-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--window-size=1400,900", "--user-data-dir=" + profile);
        // every request the page makes (performance log), and what its console says (browser log)
        options.setCapability("goog:loggingPrefs", Map.of(LogType.PERFORMANCE, "ALL", LogType.BROWSER, "ALL"));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    @BeforeEach
    void openWithoutSavedHeaders() {
        requestedUrls(); // forgets the requests of earlier tests (and of the browser's own start page)
        browser.get(origin() + "/graphiql");
        browser.executeScript("window.localStorage.clear()");
        browser.navigate().refresh();
        editor(".graphiql-query-editor");
    }

    @Test
    void theEditorRendersFromTheApplicationsOwnFilesOnly() {
        List<String> requested = requestedUrls();

        assertThat(browser.findElement(By.cssSelector(".graphiql-execute-button")).isDisplayed()).isTrue();
        assertThat(requested).as("the page's own files were loaded")
                .contains(origin() + "/webjars/graphiql/graphiql.min.js", origin() + "/graphiql/jekafo-graphiql.js");
        assertThat(requested).as("requests for another origin than " + origin())
                .allSatisfy(url -> assertThat(url).satisfiesAnyOf(
                        same -> assertThat(URI.create(same).resolve("/").toString()).isEqualTo(origin() + "/"),
                        embedded -> assertThat(embedded).startsWith("data:")));
        assertThat(consoleErrors()).as("console errors (a Content-Security-Policy refusal is one)").isEmpty();
    }

    @Test
    void aBearerTokenPastedIntoHeadersRunsAQueryWhoseAnswerShowsInTheResultPane() throws Exception {
        List<String> codes = connect().runText("{ trades { code } }", Map.of()).<List<Map<String, String>>>data("trades")
                .stream().map(trade -> trade.get("code")).toList();

        JsonNode answer = run("{ trades { code } }",
                "{\"Authorization\": \"Bearer " + TestApi.token(TestApi.BUREAU) + "\"}");

        assertThat(answer.path("errors").isMissingNode()).as("errors in %s", answer).isTrue();
        assertThat(answer.path("data").path("trades").findValuesAsText("code")).isNotEmpty().isEqualTo(codes);
        assertThat(consoleErrors()).isEmpty();
        Files.write(Path.of("target", "graphiql-page.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void withoutATokenTheResultPaneShowsTheRefusal() throws Exception {
        JsonNode answer = run("{ trades { code } }", "{}");

        assertThat(answer.path("errors").findValuesAsText("code")).containsExactly("UNAUTHENTICATED");
        assertThat(answer.path("data").path("trades").isMissingNode() || answer.path("data").isNull()).isTrue();
    }

    /** Pastes the headers and the query into their editors, presses Run, and reads the result pane as JSON. */
    private JsonNode run(String query, String headers) throws IOException {
        browser.findElement(By.xpath("//button[normalize-space()='Headers']")).click();
        paste(".graphiql-editor-tool .graphiql-editor:not(.hidden)", headers);
        paste(".graphiql-query-editor", query);
        browser.findElement(By.cssSelector(".graphiql-execute-button")).click();
        WebElement result = editor(".result-window");
        new WebDriverWait(browser, WAIT).until(page -> !codeMirrorText(result).isBlank());
        return JSON.readTree(codeMirrorText(result));
    }

    private void paste(String editorSelector, String text) {
        browser.executeScript("arguments[0].CodeMirror.setValue(arguments[1])", editor(editorSelector), text);
    }

    private WebElement editor(String containerSelector) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(containerSelector + " .CodeMirror")));
    }

    private String codeMirrorText(WebElement editor) {
        return (String) browser.executeScript("return arguments[0].CodeMirror.getValue()", editor);
    }

    /**
     * The address of every request that a page of {@link #origin()} made since the last call, from Chromium's network
     * events (which include requests that the Content-Security-Policy then blocks).
     */
    private List<String> requestedUrls() {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            try {
                JsonNode message = JSON.readTree(entry.getMessage()).path("message");
                if (message.path("method").asText().equals("Network.requestWillBeSent")
                        && message.path("params").path("documentURL").asText().startsWith(origin() + "/")) {
                    urls.add(message.path("params").path("request").path("url").asText());
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return urls;
    }

    private List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
    }

    private String origin() {
        return "http://localhost:" + port;
    }
}
