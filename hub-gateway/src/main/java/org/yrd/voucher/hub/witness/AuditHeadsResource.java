package org.yrd.voucher.hub.witness;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.yrd.voucher.edge.Params;
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

    /**
     * Without {@code after}: the newest, newest first. With {@code after} (a position, 0 for the start): the heads
     * after it, oldest first, so that the whole history can be read a page at a time; a page shorter than
     * {@code limit} (1–1,000, default 1,000) is the last.
     */
    @PermitAll
    @GET
    @Path("/{province}")
    public List<AuditHeads.Head> of(@PathParam("province") String province, @QueryParam("after") String after,
                                    @QueryParam("limit") String limit) {
        String p = QueryParams.province("province", province).name();
        int n = Params.number("limit", limit, AuditHeads.PAGE, 1, AuditHeads.PAGE);
        return after == null || after.isBlank() ? heads.newest(p, n)
                : heads.after(p, Params.number("after", after, 0, 0, Integer.MAX_VALUE), n);
    }
}
