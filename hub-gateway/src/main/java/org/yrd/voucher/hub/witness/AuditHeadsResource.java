package org.yrd.voucher.hub.witness;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.yrd.voucher.hub.common.QueryParams;

/**
 * Public (P13 disclosure): the heads of each node's audit chain the hub holds. They reveal only how many records
 * a node has and their hashes; anyone, a node's own verification included, can compare a chain with them.
 */
@Path("/api/v1/public/audit-heads")
public class AuditHeadsResource {
    private final AuditHeads heads;

    AuditHeadsResource(AuditHeads heads) {
        this.heads = heads;
    }

    /** Newest first, at most the last 1,000. */
    @PermitAll
    @GET
    @Path("/{province}")
    public List<AuditHeads.Head> of(@PathParam("province") String province) {
        return heads.of(QueryParams.province("province", province).name());
    }
}
