package org.yrd.voucher.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Holds the API document to what the test suite saw. As a Quarkus test callback (it runs in the test's own
 * class loader, so it sees the REST Assured the tests use) it records each status the app answered a REST
 * Assured request with, and the app's OpenAPI document;
 * {@link #unDocumented(Path)}, run after all other tests, lists every status an operation answered that its
 * document does not state.
 */
public class ApiContract implements QuarkusTestBeforeEachCallback {
    static final String STATUSES = "api-statuses.txt";
    static final String DOCUMENT = "openapi.json";
    private static boolean installed;

    private static Path target() {
        return Path.of(System.getProperty("user.dir"), "target");
    }

    /** Set in the run that checks the document, which must not record (nor clear) anything. */
    static final String CHECKING = "yrd.api-contract.check";

    /** Set once per test JVM (across the class loaders of its Quarkus restarts) when the old record is cleared. */
    static final String STARTED = "yrd.api-contract.started";

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        synchronized (ApiContract.class) {
            if (installed || Boolean.getBoolean(CHECKING) || !restAssuredPresent()) {
                return;
            }
            installed = true; // once per class loader: each Quarkus restart brings its own REST Assured
            synchronized (System.class) {
                if (System.getProperty(STARTED) == null) {
                    System.setProperty(STARTED, "true");
                    try { // a fresh record for this run
                        Files.deleteIfExists(target().resolve(STATUSES));
                        Files.deleteIfExists(target().resolve(DOCUMENT));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        Recorder.install();
    }

    /** A module whose tests use no REST Assured (a library's) has nothing to record. */
    static boolean restAssuredPresent() {
        try {
            Class.forName("io.restassured.RestAssured", false, ApiContract.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Kept apart so that this class loads where REST Assured is absent. */
    private static final class Recorder {
        static void install() {
            Filter recorder = (request, response, ctx) -> {
                var answer = ctx.next(request, response);
                URI uri = URI.create(request.getURI());
                if (uri.getPort() == RestAssured.port) { // the app under test, not another app a test talks to
                    append(request.getMethod().toUpperCase(Locale.ROOT) + " " + uri.getRawPath() + " "
                            + answer.statusCode() + "\n");
                    readDocument(uri);
                }
                return answer;
            };
            RestAssured.filters(recorder);
        }
    }

    /** The app's OpenAPI document, read once, from the app the first recorded request went to. */
    private static synchronized void readDocument(URI app) {
        Path doc = target().resolve(DOCUMENT);
        if (Files.exists(doc)) {
            return;
        }
        try {
            var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            app.resolve("/q/openapi?format=json")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                Files.writeString(doc, answer.body(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized void append(String line) {
        try {
            Files.createDirectories(target());
            Files.writeString(target().resolve(STATUSES), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "METHOD /template: statuses seen but not documented", one line per operation; empty when all are. */
    public static List<String> unDocumented(Path target) throws IOException {
        JsonNode paths = new ObjectMapper().readTree(target.resolve(DOCUMENT).toFile()).path("paths");
        Map<String, TreeSet<String>> missing = new TreeMap<>();
        for (String line : Files.readAllLines(target.resolve(STATUSES))) {
            String[] f = line.split(" ");
            String method = f[0].toLowerCase(Locale.ROOT);
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                var path = it.next();
                JsonNode op = path.getValue().path(method);
                if (op.isMissingNode() || !template(path.getKey()).matcher(f[1]).matches()) {
                    continue;
                }
                if (!op.path("responses").has(f[2])) {
                    missing.computeIfAbsent(f[0] + " " + path.getKey(), k -> new TreeSet<>()).add(f[2]);
                }
            }
        }
        List<String> out = new ArrayList<>();
        missing.forEach((op, statuses) -> out.add(op + ": " + statuses));
        return out;
    }

    /**
     * The check, as a test an app inherits; its surefire execution runs it after every other test (see the
     * apps' pom.xml), with at least {@code minimumAnswers} recorded, so that a suite that recorded nothing fails.
     */
    public abstract static class Check {
        private final int minimumAnswers;

        protected Check(int minimumAnswers) {
            this.minimumAnswers = minimumAnswers;
        }

        @org.junit.jupiter.api.Test
        void everyStatusAnOperationAnsweredInTheTestSuiteIsStatedInTheApiDocument() throws IOException {
            Path target = Path.of("target");
            org.assertj.core.api.Assertions.assertThat(recorded(target)).as("answers recorded")
                    .isGreaterThanOrEqualTo(minimumAnswers);
            org.assertj.core.api.Assertions.assertThat(unDocumented(target))
                    .as("statuses answered but not stated in the API document").isEmpty();
        }
    }

    /** How many answers were recorded. */
    public static long recorded(Path target) throws IOException {
        return Files.readAllLines(target.resolve(STATUSES)).size();
    }

    private static Pattern template(String path) {
        return Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
    }
}
