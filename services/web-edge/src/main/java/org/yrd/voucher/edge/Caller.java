package org.yrd.voucher.edge;

import io.quarkus.arc.Arc;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The person behind the current request, from its verified token; outside a request (jobs, federation events)
 * the node itself. The one place that reads claims.
 */
@ApplicationScoped
public class Caller {
    /** A caller may name its request for the audit trail; otherwise the node gives it an id. */
    public static final String REQUEST_ID = "X-Request-Id";
    private static final String REQUEST_ID_KEY = "yrd.request-id";
    /** The roles in the order an actor's role is named when a token carries several. */
    private static final List<String> ROLE_ORDER = List.of(Roles.OPERATOR, Roles.FINANCE, Roles.TASKGROUP,
            Roles.PROVIDER, Roles.ENTERPRISE, Roles.AGENT, Roles.APPLICANT);
    private static final String ON_BEHALF_OF_KEY = "yrd.on-behalf-of";

    private final CurrentVertxRequest request;

    Caller(CurrentVertxRequest request) {
        this.request = request;
    }

    /** The HTTP request being served, or null outside one (a job, a federation event). */
    private io.vertx.ext.web.RoutingContext current() {
        return Arc.container().requestContext().isActive() ? request.getCurrent() : null;
    }

    /** The identity of the current request, or null outside one (or before authentication). */
    public SecurityIdentity identity() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        return identity == null || identity.isAnonymous() ? null : identity;
    }

    public boolean hasRole(String role) {
        SecurityIdentity identity = identity();
        return identity != null && identity.hasRole(role);
    }

    /** A claim of the current token as text, or null. */
    public String claim(String name) {
        SecurityIdentity identity = identity();
        if (identity != null && identity.getPrincipal() instanceof OidcJwtCallerPrincipal oidc) {
            // the token's own value: JsonWebToken.getClaim looks a name up among the standard claims by
            // Claims.valueOf, which throws for this node's own claims (province, uscc) on every call
            Object value = oidc.getClaims().getClaimValue(name);
            return value == null ? null : value.toString();
        }
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            return value == null ? null : value.toString().replace("\"", "");
        }
        return null;
    }

    /** The caller as the audit trail and history record it; the system when no person is calling. */
    public Actor actor() {
        SecurityIdentity identity = identity();
        if (identity == null) {
            return Actor.system(current() == null ? "job" : "anonymous");
        }
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : identity.getPrincipal().getName();
        String role = ROLE_ORDER.stream().filter(identity::hasRole).findFirst().orElse(null);
        return new Actor(subject, claim("preferred_username"), role, claim(Roles.PROVINCE_CLAIM),
                claim(Roles.USCC_CLAIM), requestId(), clientAddress());
    }

    /** The caller's request id ({@value #REQUEST_ID}, at most 64 characters), or one the node gives it. */
    public String requestId() {
        var rc = current();
        if (rc == null) {
            return null;
        }
        String id = rc.get(REQUEST_ID_KEY);
        if (id == null) {
            String given = rc.request().getHeader(REQUEST_ID);
            id = given != null && !given.isBlank() && given.length() <= 64 ? given : UUID.randomUUID().toString();
            rc.put(REQUEST_ID_KEY, id);
        }
        return id;
    }

    /** P9: the enterprise a service point acts for in this request, once checked; null otherwise. */
    public String onBehalfOf() {
        var rc = current();
        return rc == null ? null : rc.get(ON_BEHALF_OF_KEY);
    }

    /** Marks the request as a service point's, acting for {@code enterpriseUscc} (checked by the caller). */
    public void actingFor(String enterpriseUscc) {
        var rc = current();
        if (rc != null) {
            rc.put(ON_BEHALF_OF_KEY, enterpriseUscc);
        }
    }

    public String clientAddress() {
        var rc = current();
        if (rc == null || rc.request().remoteAddress() == null) {
            return null;
        }
        return rc.request().remoteAddress().hostAddress();
    }
}
