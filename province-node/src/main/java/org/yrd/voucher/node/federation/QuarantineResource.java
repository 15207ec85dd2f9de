package org.yrd.voucher.node.federation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.federation.Quarantine;

/** What this node refused from the federation, with the reason, for its operators to look at. */
@Path("/api/v1/operator/quarantine")
@RolesAllowed(Roles.OPERATOR)
public class QuarantineResource {
    private final Quarantine quarantine;

    QuarantineResource(Quarantine quarantine) {
        this.quarantine = quarantine;
    }

    /** Newest first, a page at a time ({@code limit} 1–500, default 100; {@code offset}). */
    @GET
    public List<Quarantine.Entry> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Paging page = Paging.of(limit, offset);
        return quarantine.list(List.of(), page.limit(), page.offset());
    }
}
