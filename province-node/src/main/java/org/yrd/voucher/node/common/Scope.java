package org.yrd.voucher.node.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.yrd.voucher.edge.Caller;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.Roles;

/**
 * What a verified token may reach at this node, beyond its role (docs/security.md):
 * <ul>
 * <li>every token only at the node of the province in its {@code province} claim, whatever its role (the node
 * trusts only its own province's issuer already; this holds even if that were misconfigured, or if several
 * provinces shared one realm): an enterprise, provider or service point of another province is refused. The one
 * token without the claim that passes is a self-registered account's that holds no role but {@code applicant}:
 * it reaches nothing but its own binding request (docs/security.md "Accounts");</li>
 * <li>an enterprise or provider only its own USCC: a {@code {uscc}} in the path, or the USCC a registration
 * or an admission request names, must be the token's {@code uscc} claim. Ids of things that belong to another
 * party are answered 404 by the features themselves, so existence does not leak;</li>
 * <li>a service point (P9) also an enterprise's, within a mandate of that enterprise in force today: reading with
 * any, applying with APPLY, filing with FILE; the request is then recorded as the agent's, for the enterprise.</li>
 * </ul>
 */
@ApplicationScoped
public class Scope {
    private static final java.util.regex.Pattern APPLY = java.util.regex.Pattern.compile("/api/v1/enterprises/[^/]+/applications");
    private static final java.util.regex.Pattern FILE = java.util.regex.Pattern.compile("/api/v1/enterprises/[^/]+/redemptions");

    private static final java.util.List<String> BOUND_ROLES = java.util.List.of(Roles.OPERATOR, Roles.FINANCE,
            Roles.ENTERPRISE, Roles.PROVIDER, Roles.AGENT);

    private final Caller caller;
    private final NodeConfig config;
    private final AgentMandates mandates;
    private final java.time.Clock clock;

    Scope(Caller caller, NodeConfig config, AgentMandates mandates, java.time.Clock clock) {
        this.caller = caller;
        this.config = config;
        this.mandates = mandates;
        this.clock = clock;
    }

    /** Runs for every matched JAX-RS request, before the resource method. */
    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        if (caller.identity() == null) {
            return; // anonymous: the endpoint's own decision (public, or 401) applies
        }
        String province = caller.claim(Roles.PROVINCE_CLAIM);
        if (province == null && isOnlyApplicant()) {
            return; // a self-registered account of this realm, not yet bound: its role reaches its own request only
        }
        if (!config.province().name().equals(province)) {
            throw ProblemException.forbidden("wrong-province", null, String.valueOf(province), config.province().name());
        }
        if (isStaff()) {
            return;
        }
        String uscc = request.getUriInfo().getPathParameters().getFirst("uscc");
        if (uscc == null) {
            return;
        }
        String own = caller.claim(Roles.USCC_CLAIM);
        String path = request.getUriInfo().getPath();
        if (caller.hasRole(Roles.AGENT) && !uscc.equals(own) && path.startsWith("/api/v1/enterprises/")) {
            AgentMandates.Act act = act(request.getMethod(), path);
            if (act == null || own == null
                    || !mandates.allows(uscc, own, act, org.yrd.voucher.edge.TimeSource.today(clock))) {
                throw ProblemException.forbidden("no-mandate", "P9", uscc, act == null ? "-" : act.name());
            }
            caller.actingFor(uscc);
            return;
        }
        requireOwn(uscc);
    }

    /** What a service point's request does for the enterprise; null: nothing a mandate can cover. */
    private static AgentMandates.Act act(String method, String path) {
        if ("GET".equals(method)) {
            return AgentMandates.Act.READ;
        }
        if ("POST".equals(method) && APPLY.matcher(path).matches()) {
            return AgentMandates.Act.APPLY;
        }
        if ("POST".equals(method) && FILE.matcher(path).matches()) {
            return AgentMandates.Act.FILE;
        }
        return null;
    }

    /** 403 unless the caller is staff of this node or the party {@code uscc} itself. */
    public void requireOwn(String uscc) {
        if (isStaff()) {
            return;
        }
        String own = caller.claim(Roles.USCC_CLAIM);
        if (own == null || !own.equals(uscc)) {
            throw ProblemException.forbidden("not-your-uscc", null, String.valueOf(own));
        }
    }

    private boolean isOnlyApplicant() {
        return caller.hasRole(Roles.APPLICANT) && BOUND_ROLES.stream().noneMatch(caller::hasRole);
    }

    private boolean isStaff() {
        return caller.hasRole(Roles.OPERATOR) || caller.hasRole(Roles.FINANCE);
    }
}
