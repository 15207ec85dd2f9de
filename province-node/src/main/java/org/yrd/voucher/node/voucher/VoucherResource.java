package org.yrd.voucher.node.voucher;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.yrd.voucher.node.common.IdParam;
import org.yrd.voucher.node.common.Actor;
import org.yrd.voucher.node.common.Idempotency;
import org.yrd.voucher.node.common.Paging;
import org.yrd.voucher.node.common.UsccParam;
import org.yrd.voucher.node.enterprise.EnterpriseResource;
import org.yrd.voucher.policy.Money;

@Consumes(MediaType.APPLICATION_JSON)
@Path("/api/v1")
public class VoucherResource {
    private final Vouchers vouchers;
    private final Idempotency idempotency;

    VoucherResource(Vouchers vouchers, Idempotency idempotency) {
        this.vouchers = vouchers;
        this.idempotency = idempotency;
    }

    public record ApplyRequest(@NotNull @Positive @Max(Money.MAX_FEN) Long amountFen) {}

    public record Decision(@NotBlank @Size(max = 500) String reason) {}

    public record ApplicationView(UUID id, String enterpriseUscc, long amountFen, VoucherApplication.Status status,
                                  int policyVersion, OffsetDateTime filedAt, OffsetDateTime decidedAt, String decidedBy,
                                  String decisionReason, UUID voucherId) {
        static ApplicationView of(VoucherApplication a) {
            return new ApplicationView(a.id, a.enterpriseUscc, a.amountFen, a.status, a.policyVersion, a.filedAt,
                    a.decidedAt, a.decidedBy, a.decisionReason, a.voucherId);
        }
    }

    public record VoucherView(UUID id, String enterpriseUscc, long faceValueFen, long availableFen, long heldFen,
                              long redeemedFen, long expiredFen, Voucher.Status status, LocalDate issuedOn,
                              LocalDate expiresOn, int policyVersion) {
        static VoucherView of(Voucher v) {
            return new VoucherView(v.id, v.enterpriseUscc, v.faceValueFen, v.availableFen(), v.heldFen, v.redeemedFen,
                    v.expiredFen, v.status, v.issuedOn, v.expiresOn, v.policyVersion);
        }
    }

    /** 申领: approved at once below the province's threshold, otherwise left for an operator. */
    @POST
    @Path("/enterprises/{uscc}/applications")
    public Response apply(@PathParam("uscc") String uscc, @HeaderParam(Idempotency.HEADER) String key,
                          @NotNull @Valid ApplyRequest body) {
        UsccParam.require("uscc", uscc);
        return idempotency.once("apply:" + uscc, key, body, 201,
                () -> ApplicationView.of(vouchers.apply(uscc, body.amountFen())));
    }

    @GET
    @Path("/enterprises/{uscc}/applications")
    public List<ApplicationView> applications(@PathParam("uscc") String uscc) {
        EnterpriseResource.require(uscc);
        return vouchers.applicationsOf(uscc).stream().map(ApplicationView::of).toList();
    }

    @GET
    @Path("/enterprises/{uscc}/vouchers")
    public List<VoucherView> vouchers(@PathParam("uscc") String uscc) {
        EnterpriseResource.require(uscc);
        return vouchers.ofEnterprise(uscc).stream().map(VoucherView::of).toList();
    }

    /** The operator's queue of applications to decide, oldest first, a page at a time ({@code limit} ≤ 500). */
    @GET
    @Path("/operator/applications/pending")
    public List<ApplicationView> pending(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return vouchers.pendingApplications(Paging.of(limit, offset)).stream().map(ApplicationView::of).toList();
    }

    @POST
    @Path("/operator/applications/{id}/approve")
    public Response approve(@PathParam("id") String idParam, @HeaderParam(Idempotency.HEADER) String key,
                            @NotNull @Valid Decision d) {
        UUID id = IdParam.uuid("id", idParam);
        return idempotency.once("approve-application:" + id, key, d, 200,
                () -> ApplicationView.of(vouchers.approve(id, Actor.OPERATOR, d.reason())));
    }

    @POST
    @Path("/operator/applications/{id}/reject")
    public Response reject(@PathParam("id") String idParam, @HeaderParam(Idempotency.HEADER) String key,
                           @NotNull @Valid Decision d) {
        UUID id = IdParam.uuid("id", idParam);
        return idempotency.once("reject-application:" + id, key, d, 200,
                () -> ApplicationView.of(vouchers.reject(id, Actor.OPERATOR, d.reason())));
    }
}
