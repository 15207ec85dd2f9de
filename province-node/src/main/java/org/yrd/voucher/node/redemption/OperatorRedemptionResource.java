package org.yrd.voucher.node.redemption;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yrd.voucher.edge.IdParam;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.node.common.Idempotency;
import org.yrd.voucher.node.redemption.RedemptionViews.Reason;
import org.yrd.voucher.node.redemption.RedemptionViews.RedemptionView;
import org.yrd.voucher.policy.RedemptionStatus;

/** The operator's work queue and decisions, and finance's payment (P6, P10, P11). */
@Path("/api/v1")
public class OperatorRedemptionResource {
    private final Redemptions redemptions;
    private final RedemptionService service;
    private final Idempotency idempotency;
    private final RedemptionViews views;

    OperatorRedemptionResource(Redemptions redemptions, RedemptionService service, Idempotency idempotency,
                               RedemptionViews views) {
        this.redemptions = redemptions;
        this.service = service;
        this.idempotency = idempotency;
        this.views = views;
    }

    @Schema(example = "{\"paymentReference\":\"BANK-2026-0001\"}")
    public record Payment(@NotBlank @Size(max = 100) String paymentReference) {}

    /** The operator's work queue, oldest filing first, a page at a time ({@code limit} ≤ 500, default 100). */
    @RolesAllowed({Roles.OPERATOR, Roles.FINANCE})
    @GET
    @Path("/operator/redemptions")
    public List<RedemptionView> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
                                     @QueryParam("offset") String offset) {
        return redemptions.withStatus(Params.oneOf("status", status, RedemptionStatus.class), Paging.of(limit, offset))
                .stream().map(views::view).toList();
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/redemptions/{id}/approve")
    @Extension(name = ProblemResponses.ANSWERS, value = "409")
    public Response approve(@PathParam("id") String idParam, @HeaderParam(Idempotency.HEADER) String key,
                            @NotNull @Valid Reason body) {
        UUID id = IdParam.uuid("id", idParam);
        return idempotency.once("approve-redemption:" + id, key, body, 200,
                () -> views.view(service.approve(id, body.reason())));
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/redemptions/{id}/reject")
    @Extension(name = ProblemResponses.ANSWERS, value = "409")
    public Response reject(@PathParam("id") String idParam, @HeaderParam(Idempotency.HEADER) String key,
                           @NotNull @Valid Reason body) {
        UUID id = IdParam.uuid("id", idParam);
        return idempotency.once("reject-redemption:" + id, key, body, 200,
                () -> views.view(service.reject(id, body.reason())));
    }

    @RolesAllowed(Roles.FINANCE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/redemptions/{id}/pay")
    @Extension(name = ProblemResponses.ANSWERS, value = "409,422")
    public Response pay(@PathParam("id") String idParam, @HeaderParam(Idempotency.HEADER) String key,
                        @NotNull @Valid Payment body) {
        UUID id = IdParam.uuid("id", idParam);
        return idempotency.once("pay-redemption:" + id, key, body, 200,
                () -> views.view(service.pay(id, body.paymentReference())));
    }
}
