package org.yrd.voucher.node.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.Roles;

/** The audit trail, for the province's operators (P13 strict process management). */
@Path("/api/v1/operator/audit")
public class AuditResource {
    private final AuditTrail trail;

    AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * Records newest first, a page at a time ({@code limit} ≤ 500, default 100); filters: {@code actor} (user name
     * or subject), {@code action} (e.g. {@code redemption.pay}), {@code target} (an id or USCC), {@code from} and
     * {@code to} (days, China time, both included).
     */
    @RolesAllowed(Roles.OPERATOR)
    @GET
    public List<AuditTrail.Record> find(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                        @QueryParam("target") String target, @QueryParam("from") String from,
                                        @QueryParam("to") String to, @QueryParam("limit") String limit,
                                        @QueryParam("offset") String offset) {
        var filter = new AuditTrail.Filter(Params.text("actor", actor, 100), Params.text("action", action, 60),
                Params.text("target", target, 120), Params.date("from", from), Params.date("to", to));
        return trail.find(filter, Paging.of(limit, offset));
    }

    /** Recomputes the chain and compares it with the heads the hub keeps; says where it breaks. */
    @RolesAllowed(Roles.OPERATOR)
    @GET
    @Path("/verify")
    public AuditTrail.Verification verify() {
        return trail.verify();
    }
}
