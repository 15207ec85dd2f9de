package org.yrd.voucher.node.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.node.common.NodeConfig;

/**
 * The province realm's user administration, as far as binding a confirmed account needs it: the USCC and the province
 * become attributes of the account (which its owner cannot edit) and the role is granted, through Keycloak's admin
 * API with the node's own service account ({@code node.identity-admin.client-id}, realm-management's
 * {@code manage-users}). The realm is the one the node trusts ({@code quarkus.oidc.auth-server-url}). Without a
 * client secret the node binds nothing: a confirmation answers 503 and the request stays pending.
 */
@ApplicationScoped
public class IdentityAdmin {
    private static final Logger LOG = Logger.getLogger(IdentityAdmin.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Optional<String> realmUrl;
    private final String clientId;
    private final Optional<String> clientSecret;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    IdentityAdmin(@ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> realmUrl, NodeConfig config,
                  ObjectMapper json) {
        this.realmUrl = realmUrl.map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
        this.clientId = config.identityAdmin().clientId();
        this.clientSecret = config.identityAdmin().clientSecret();
        this.json = json;
    }

    /** Gives the account {@code subject} the company's USCC, the province and the role of what the company is. */
    void bind(String subject, String uscc, String province, String role) {
        if (realmUrl.isEmpty() || clientSecret.isEmpty() || !realmUrl.get().contains("/realms/")) {
            throw unavailable(null);
        }
        String realm = realmUrl.get();
        String admin = realm.replace("/realms/", "/admin/realms/");
        String user = admin + "/users/" + URLEncoder.encode(subject, StandardCharsets.UTF_8);
        try {
            String token = token(realm);
            ObjectNode account = (ObjectNode) send(get(user, token), 200);
            ObjectNode attributes = account.get("attributes") instanceof ObjectNode a ? a : account.putObject("attributes");
            attributes.set(Roles.USCC_CLAIM, json.valueToTree(List.of(uscc)));
            attributes.set(Roles.PROVINCE_CLAIM, json.valueToTree(List.of(province)));
            send(authorised(user, token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(account))), 204);
            // the roles this account may still be given, as the service account may map them (manage-users, no
            // view-realm); none when it holds the role already
            JsonNode roleRep = null;
            for (JsonNode r : send(get(user + "/role-mappings/realm/available", token), 200)) {
                if (role.equals(r.path("name").asText())) {
                    roleRep = r;
                }
            }
            if (roleRep != null) {
                send(authorised(user + "/role-mappings/realm", token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(List.of(roleRep)))), 204);
            } else if (!send(get(user + "/role-mappings/realm", token), 200).findValuesAsText("name").contains(role)) {
                throw new IOException("the realm offers no role " + role + " to give");
            }
        } catch (IOException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    /** A person of the realm who acts for a company, with the address the realm holds for them. */
    public record Person(String subject, String username, String email) {}

    /**
     * The enabled accounts of the realm that act for the company {@code uscc} and have an address (realm-management's
     * {@code view-users}); none when the node has no service account configured.
     *
     * @throws IOException when the realm cannot be asked now
     */
    public List<Person> peopleOf(String uscc) throws IOException {
        if (realmUrl.isEmpty() || clientSecret.isEmpty() || !realmUrl.get().contains("/realms/")) {
            return List.of();
        }
        String realm = realmUrl.get();
        String users = realm.replace("/realms/", "/admin/realms/") + "/users?briefRepresentation=false&max=50&q="
                + URLEncoder.encode(Roles.USCC_CLAIM + ":" + uscc, StandardCharsets.UTF_8);
        try {
            List<Person> people = new java.util.ArrayList<>();
            for (JsonNode u : send(get(users, token(realm)), 200)) {
                // the search may match more loosely than equality: only the company's own accounts
                boolean own = StreamSupport.stream(u.path("attributes").path(Roles.USCC_CLAIM).spliterator(), false)
                        .anyMatch(v -> uscc.equals(v.asText()));
                if (own && u.path("enabled").asBoolean() && !u.path("email").asText().isBlank()) {
                    people.add(new Person(u.path("id").asText(), u.path("username").asText(), u.path("email").asText()));
                }
            }
            return people;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private String token(String realm) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret.orElseThrow(), StandardCharsets.UTF_8);
        JsonNode answer = send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), 200);
        return answer.path("access_token").asText();
    }

    private static HttpRequest.Builder authorised(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.Builder get(String url, String token) {
        return authorised(url, token).GET();
    }

    private JsonNode send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IOException("the realm answered " + r.statusCode() + " to " + r.request().method() + " "
                    + r.request().uri().getPath());
        }
        return r.body().isBlank() ? json.nullNode() : json.readTree(r.body());
    }

    private static ProblemException unavailable(Exception cause) {
        if (cause != null) {
            LOG.warnf("binding an account at the realm failed: %s", cause.getMessage());
        }
        return new ProblemException(503, "identity-admin-unavailable", null, List.of(), List.of());
    }
}
