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
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.edge.UsccParam;
import org.yrd.voucher.node.common.Idempotency;
import org.yrd.voucher.node.redemption.RedemptionViews.Reason;
import org.yrd.voucher.node.redemption.RedemptionViews.RedemptionView;

/** The provider's side of the redemptions filed with it in its own province: its list, confirming, disputing. */
@Path("/api/v1")
public class ProviderRedemptionResource {
    private final Redemptions redemptions;
    private final RedemptionService service;
    private final Idempotency idempotency;
    private final RedemptionViews views;

    ProviderRedemptionResource(Redemptions redemptions, RedemptionService service, Idempotency idempotency,
                               RedemptionViews views) {
        this.redemptions = redemptions;
        this.service = service;
        this.idempotency = idempotency;
        this.views = views;
    }

    /** Redemptions filed with this provider in its own province, oldest first, a page at a time. */
    @RolesAllowed({Roles.PROVIDER, Roles.OPERATOR})
    @GET
    @Path("/providers/{uscc}/redemptions")
    public List<RedemptionView> ofProvider(@PathParam("uscc") String uscc, @QueryParam("limit") String limit,
                                           @QueryParam("offset") String offset) {
        UsccParam.require("uscc", uscc);
        return views.views(redemptions.ofProvider(uscc, Paging.of(limit, offset)));
    }

    @RolesAllowed(Roles.PROVIDER)
    @POST
    @Path("/providers/{uscc}/redemptions/{id}/confirm")
    @Extension(name = ProblemResponses.ANSWERS, value = "409,422")
    public Response confirm(@PathParam("uscc") String uscc, @PathParam("id") String idParam,
                            @HeaderParam(Idempotency.HEADER) String key) {
        UUID id = IdParam.uuid("id", idParam);
        UsccParam.require("uscc", uscc);
        return idempotency.once("confirm-redemption:" + id, key, uscc, 200,
                () -> views.view(service.confirm(uscc, id)));
    }

    @RolesAllowed(Roles.PROVIDER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/providers/{uscc}/redemptions/{id}/dispute")
    @Extension(name = ProblemResponses.ANSWERS, value = "409")
    public Response dispute(@PathParam("uscc") String uscc, @PathParam("id") String idParam,
                            @HeaderParam(Idempotency.HEADER) String key, @NotNull @Valid Reason body) {
        UUID id = IdParam.uuid("id", idParam);
        UsccParam.require("uscc", uscc);
        return idempotency.once("dispute-redemption:" + id, key, body, 200,
                () -> views.view(service.dispute(uscc, id, body.reason())));
    }
}
