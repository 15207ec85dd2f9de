package org.yrd.voucher.node.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.node.common.ListQuery;
import org.yrd.voucher.node.common.XlsxExport;

/** The audit trail, for the province's operators (P13 strict process management). */
@Path("/api/v1/operator/audit")
public class AuditResource {
    private final AuditTrail trail;
    private final XlsxExport xlsx;

    private static final List<String> COLUMNS = List.of("seq", "at", "actorName", "actorRole", "actorProvince",
            "actorUscc", "action", "target", "outcome", "amount", "detail", "requestId", "hash");

    AuditResource(AuditTrail trail, XlsxExport xlsx) {
        this.trail = trail;
        this.xlsx = xlsx;
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
        return trail.find(filter(actor, action, target, from, to), Paging.of(limit, offset));
    }

    /** The records the same filters find, newest first, as an Excel workbook written as it is read. */
    @RolesAllowed(Roles.OPERATOR)
    @GET
    @Path("/export")
    @Produces(XlsxExport.TYPE)
    public Response export(@QueryParam("actor") String actor, @QueryParam("action") String action,
                           @QueryParam("target") String target, @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        AuditTrail.Filter filter = filter(actor, action, target, from, to);
        return xlsx.download("audit", COLUMNS, page -> trail.find(filter, page),
                r -> new Object[] {r.seq(), r.at(), r.actorName(), r.actorRole(), r.actorProvince(), r.actorUscc(),
                    r.action(), r.target(), r.outcome(), r.amountFen() == null ? null : new XlsxExport.Yuan(r.amountFen()),
                    r.detail(), r.requestId(), r.hash()});
    }

    private static AuditTrail.Filter filter(String actor, String action, String target, String from, String to) {
        return new AuditTrail.Filter(Params.text("actor", actor, 100), Params.text("action", action, 60),
                Params.text("target", target, 120), ListQuery.of(null, from, to));
    }

    /** Recomputes the chain and compares it with the heads the hub keeps; says where it breaks. */
    @RolesAllowed(Roles.OPERATOR)
    @GET
    @Path("/verify")
    public AuditTrail.Verification verify() {
        return trail.verify();
    }
}
