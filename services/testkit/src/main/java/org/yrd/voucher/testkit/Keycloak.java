package org.yrd.voucher.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The real Keycloak of the local federation ({@code deploy/keycloak/start.sh}: the build's 26.7.3 distribution,
 * the realms of deploy/keycloak, an in-memory store), run as a process of its own for a test: started, polled on
 * its discovery URL until it answers (up to 120 s), stopped by its PID. Tokens come from its password grant, as
 * {@code deploy/token.sh} gets them; parties the test creates become users through its admin API.
 */
public final class Keycloak implements AutoCloseable {
    public static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Cached> tokens = new ConcurrentHashMap<>();
    private Process process;

    private record Cached(String token, long expiresAtMillis) {}

    public Keycloak(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    /** A Keycloak a script started on {@code port}: for its tokens and users, not to be started or stopped here. */
    public static Keycloak running(int port) {
        return new Keycloak(port, null);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** The issuer URL of a realm, e.g. {@code issuer("yrd-sh")}: the apps' {@code quarkus.oidc.auth-server-url}. */
    public String issuer(String realm) {
        return url() + "/realms/" + realm;
    }

    /** Forks Keycloak and returns at once; {@link #awaitReady()} waits for it. */
    public Keycloak start() {
        Path script = repositoryRoot().resolve("deploy/keycloak/start.sh");
        try {
            process = new ProcessBuilder("bash", script.toString(), String.valueOf(port)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        }
        return this;
    }

    /** Polls the discovery URL of the task group's realm (imported last) until it answers, up to 120 s. */
    public Keycloak awaitReady() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        URI discovery = URI.create(issuer("yrd-hub") + "/.well-known/openid-configuration");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited; see " + log + ":\n" + tail());
            }
            try {
                if (http.send(HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready after " + PATIENCE + "; see " + log + ":\n" + tail());
    }

    /** An access token of a user by the password grant of the realms' console client (password "demo"). */
    public String token(String realm, String username) {
        return passwordGrant(realm, "yrd-console", username, "demo", 30_000);
    }

    /** A password-grant token, kept until {@code marginMillis} before it expires. */
    private String passwordGrant(String realm, String client, String username, String password, long marginMillis) {
        String key = realm + "/" + username;
        Cached c = tokens.get(key);
        if (c != null && c.expiresAtMillis() > System.currentTimeMillis() + marginMillis) {
            return c.token();
        }
        JsonNode answer = form(issuer(realm) + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", client, "username", username, "password", password));
        String token = answer.path("access_token").asText();
        tokens.put(key, new Cached(token, System.currentTimeMillis() + answer.path("expires_in").asLong() * 1000));
        return token;
    }

    /** Forgets the cached token of a user, e.g. after an app refused it. */
    public void forget(String realm, String username) {
        tokens.remove(realm + "/" + username);
    }

    /**
     * Makes sure {@code username} exists in {@code realm} with {@code role}, the attributes and the password "demo",
     * as an administrator would register a party. Safe to repeat after a failure half-way (Keycloak killed between
     * creating the user and granting the role): the role is granted whenever it is missing.
     */
    public void ensureUser(String realm, String username, String role, Map<String, String> attributes) {
        String admin = adminToken();
        String users = url() + "/admin/realms/" + realm + "/users";
        JsonNode found = createIfMissing(users, username, attributes, admin);
        String roles = users + "/" + found.get(0).path("id").asText() + "/role-mappings/realm";
        JsonNode granted = send(HttpRequest.newBuilder(URI.create(roles)).header("Authorization", "Bearer " + admin).GET(), 200);
        for (JsonNode r : granted) {
            if (role.equals(r.path("name").asText())) {
                return;
            }
        }
        JsonNode roleRep = send(HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + realm + "/roles/" + role))
                .header("Authorization", "Bearer " + admin).GET(), 200);
        send(json(HttpRequest.newBuilder(URI.create(roles)), admin).POST(body(List.of(roleRep))), 204);
    }

    /**
     * Makes sure a company is known to the legal-person identity platform ({@code yrd-gov}, deploy/keycloak/realms.py)
     * with its USCC and what it is ({@code enterprise}, {@code provider}, {@code service-point}), password "demo":
     * it can then sign in to a province realm through the platform, where it has no account before.
     */
    public void ensureCompanyAtGovernment(String uscc, String kind) {
        createIfMissing(url() + "/admin/realms/yrd-gov/users", uscc.toLowerCase(java.util.Locale.ROOT),
                Map.of("uscc", uscc, "companyKind", kind, "legalRepresentative", "测试法人"), adminToken());
    }

    /** The attributes and realm roles of a user, or empty maps if there is none. */
    public Map<String, List<String>> attributesOf(String realm, String username) {
        JsonNode found = findUser(url() + "/admin/realms/" + realm + "/users", username, adminToken());
        Map<String, List<String>> out = new java.util.TreeMap<>();
        if (found.size() == 0) {
            return out;
        }
        found.get(0).path("attributes").fields().forEachRemaining(e -> {
            List<String> values = new java.util.ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            out.put(e.getKey(), values);
        });
        List<String> roles = new java.util.ArrayList<>();
        send(HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + realm + "/users/" + found.get(0).path("id").asText()
                + "/role-mappings/realm")).header("Authorization", "Bearer " + adminToken()).GET(), 200)
                .forEach(r -> roles.add(r.path("name").asText()));
        out.put("realmRoles", roles);
        return out;
    }

    private JsonNode createIfMissing(String users, String username, Map<String, String> attributes, String admin) {
        JsonNode found = findUser(users, username, admin);
        if (found.size() == 0) {
            Map<String, Object> user = Map.of("username", username, "enabled", true, "emailVerified", true,
                    "firstName", "测试", "lastName", username, "email", username + "@test.yrd.invalid",
                    "attributes", attributes.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                            Map.Entry::getKey, e -> List.of(e.getValue()))),
                    "credentials", List.of(Map.of("type", "password", "value", "demo", "temporary", false)));
            send(json(HttpRequest.newBuilder(URI.create(users)), admin).POST(body(user)), 201);
            found = findUser(users, username, admin);
        }
        return found;
    }

    private JsonNode findUser(String users, String username, String admin) {
        return send(HttpRequest.newBuilder(URI.create(users + "?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + admin).GET(), 200);
    }

    /**
     * Lets the realm's console client (authorization code with PKCE) send people back to an app's console at
     * {@code appUrl}, as the realm file does for the local federation's fixed ports.
     */
    public void allowConsoleAt(String realm, String appUrl) {
        String admin = adminToken();
        String clients = url() + "/admin/realms/" + realm + "/clients";
        JsonNode client = send(HttpRequest.newBuilder(URI.create(clients + "?clientId=yrd-console"))
                .header("Authorization", "Bearer " + admin).GET(), 200).get(0);
        com.fasterxml.jackson.databind.node.ObjectNode update = (com.fasterxml.jackson.databind.node.ObjectNode) client;
        update.withArray("redirectUris").add(appUrl + "/*");
        send(json(HttpRequest.newBuilder(URI.create(clients + "/" + client.path("id").asText())), admin)
                .PUT(body(update)), 204);
    }

    /** Sends a realm's own mails (a forgotten password) through the SMTP server on {@code port} of this machine. */
    public void mailThrough(String realm, int port) {
        send(json(HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + realm)), adminToken())
                .PUT(body(Map.of("smtpServer", Map.of("host", "127.0.0.1", "port", String.valueOf(port),
                        "from", "noreply@test.yrd.invalid", "auth", "false", "ssl", "false", "starttls", "false")))), 204);
    }

    /** Changes a realm's access-token lifetime (seconds), e.g. to watch a token expire. */
    public void accessTokenLifespan(String realm, int seconds) {
        send(json(HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + realm)), adminToken())
                .PUT(body(Map.of("accessTokenLifespan", seconds))), 204);
        tokens.keySet().removeIf(k -> k.startsWith(realm + "/"));
    }

    private String adminToken() {
        return passwordGrant("master", "admin-cli", "admin", "admin", 10_000);
    }

    private JsonNode form(String url, Map<String, String> fields) {
        String encoded = fields.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(java.util.stream.Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)), 200);
    }

    private static HttpRequest.Builder json(HttpRequest.Builder b, String token) {
        return b.header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException("Keycloak answered " + r.statusCode() + " to " + r.request().uri() + ": " + r.body());
            }
            return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops Keycloak by its PID ({@code kc.sh} passes the signal on) and waits for it. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        var children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The directory holding deploy/keycloak, found from the working directory of whichever module runs. */
    static Path repositoryRoot() {
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve("deploy/keycloak/start.sh"))) {
                return d;
            }
        }
        throw new IllegalStateException("deploy/keycloak/start.sh not found above " + System.getProperty("user.dir"));
    }
}
