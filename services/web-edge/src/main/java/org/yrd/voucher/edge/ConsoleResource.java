package org.yrd.voucher.edge;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the web console (served by the app itself at {@code /}) needs before anyone signs in: where to sign in.
 * The console signs in with the authorization-code flow and PKCE at the issuer the app trusts (the public one,
 * {@code quarkus.oidc.token.issuer}, where the app reaches Keycloak by another address) and calls the API with
 * the access token.
 */
@Path("/api/v1")
public class ConsoleResource {
    /**
     * The sign-in settings of the console. {@code authority} is empty where the app trusts no issuer;
     * {@code governmentIdentity} is the alias of the realm's identity provider for the government's legal-person
     * identity platform (the console offers "sign in with the government identity" and sends Keycloak's
     * {@code kc_idp_hint}), empty where the realm has none.
     */
    public record ConsoleSettings(String authority, String clientId, String governmentIdentity) {}

    private final ConsoleSettings settings;

    ConsoleResource(@ConfigProperty(name = "quarkus.oidc.token.issuer") Optional<String> publicIssuer,
                    @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> issuer,
                    @ConfigProperty(name = "yrd.console.client-id", defaultValue = "yrd-console") String clientId,
                    @ConfigProperty(name = "yrd.console.government-identity") Optional<String> governmentIdentity) {
        this.settings = new ConsoleSettings(publicIssuer.or(() -> issuer).orElse(""), clientId,
                governmentIdentity.orElse(""));
    }

    @PermitAll
    @GET
    @Path("/public/console")
    public ConsoleSettings console() {
        return settings;
    }
}
