package org.yrd.voucher.node.redemption;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.yrd.voucher.edge.IdParam;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.edge.UsccParam;
import org.yrd.voucher.node.common.Idempotency;
import org.yrd.voucher.node.redemption.RedemptionViews.Reason;

/**
 * Cross-region requests (P7): redemptions enterprises of other provinces filed with a provider of this province,
 * confirmed or disputed here, on the provider's own node.
 */
@Path("/api/v1")
public class IncomingRedemptionResource {
    private final CrossRegion crossRegion;
    private final Idempotency idempotency;

    IncomingRedemptionResource(CrossRegion crossRegion, Idempotency idempotency) {
        this.crossRegion = crossRegion;
        this.idempotency = idempotency;
    }

    /**
     * Requests from enterprises of other provinces, confirmed here on the provider's own node: oldest first, a
     * page at a time, optionally only those in one state ({@code ?status=REQUESTED} is the provider's to-do list).
     */
    @RolesAllowed({Roles.PROVIDER, Roles.OPERATOR})
    @GET
    @Path("/providers/{uscc}/incoming-redemptions")
    public List<CrossRegion.Incoming> incoming(@PathParam("uscc") String uscc, @QueryParam("status") String status,
                                               @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        UsccParam.require("uscc", uscc);
        return crossRegion.incomingFor(uscc, Params.oneOf("status", status, CrossRegion.IncomingStatus.class),
                Paging.of(limit, offset));
    }

    @RolesAllowed(Roles.PROVIDER)
    @POST
    @Path("/providers/{uscc}/incoming-redemptions/{id}/confirm")
    @Extension(name = ProblemResponses.ANSWERS, value = "409,422")
    public Response confirmIncoming(@PathParam("uscc") String uscc, @PathParam("id") String idParam,
                                    @HeaderParam(Idempotency.HEADER) String key) {
        UUID id = IdParam.uuid("id", idParam);
        return idempotency.once("confirm-incoming:" + id, key, uscc, 200, () -> crossRegion.confirm(uscc, id));
    }

    @RolesAllowed(Roles.PROVIDER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/providers/{uscc}/incoming-redemptions/{id}/dispute")
    @Extension(name = ProblemResponses.ANSWERS, value = "409")
    public Response disputeIncoming(@PathParam("uscc") String uscc, @PathParam("id") String idParam,
                                    @HeaderParam(Idempotency.HEADER) String key, @NotNull @Valid Reason body) {
        UUID id = IdParam.uuid("id", idParam);
        return idempotency.once("dispute-incoming:" + id, key, body, 200,
                () -> crossRegion.dispute(uscc, id, body.reason()));
    }
}
