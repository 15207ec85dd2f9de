package org.yrd.voucher.hub;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.events.EventCheck;
import org.yrd.voucher.federation.Quarantine;

/**
 * What the hub refused from the nodes, for the task group: every quarantined record with its reason, and the
 * provenance refusals among them (a node speaking for another province, or not signing with its own key).
 */
@Path("/api/v1/taskgroup")
@RolesAllowed(Roles.TASKGROUP)
public class QuarantineResource {
    static final List<EventCheck.Reason> PROVENANCE = List.of(EventCheck.Reason.PROVENANCE,
            EventCheck.Reason.SIGNATURE, EventCheck.Reason.WRONG_SOURCE);

    private final Quarantine quarantine;

    QuarantineResource(Quarantine quarantine) {
        this.quarantine = quarantine;
    }

    /** Newest first, a page at a time ({@code limit} 1–500, default 100; {@code offset}). */
    @GET
    @Path("/quarantine")
    public List<Quarantine.Entry> quarantine(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Paging page = Paging.of(limit, offset);
        return quarantine.list(List.of(), page.limit(), page.offset());
    }

    public record Refusal(String eventId, String source, String type, String reason, String at) {}

    /** The newest 200 refusals of provenance: who sent what, and why it was refused. */
    @GET
    @Path("/provenance-refusals")
    public List<Refusal> refusals() {
        return quarantine.list(PROVENANCE, 200, 0).stream()
                .map(q -> new Refusal(q.eventId(), q.source(), q.eventType(), q.detail(), q.lastAt())).toList();
    }
}
