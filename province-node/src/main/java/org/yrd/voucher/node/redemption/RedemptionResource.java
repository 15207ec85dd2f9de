package org.yrd.voucher.node.redemption;

import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yrd.voucher.edge.IdParam;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Reader;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.edge.UsccParam;
import org.yrd.voucher.node.common.Idempotency;
import org.yrd.voucher.node.enterprise.Enterprises;
import org.yrd.voucher.policy.Money;
import org.yrd.voucher.policy.RedemptionMode;
import org.yrd.voucher.policy.RedemptionRules;
import org.yrd.voucher.policy.RedemptionStatus;

@Path("/api/v1")
public class RedemptionResource {
    private final Redemptions redemptions;
    private final RedemptionService service;
    private final Enterprises enterprises;
    private final Idempotency idempotency;
    private final CrossRegion crossRegion;
    private final Reader reader;

    RedemptionResource(Redemptions redemptions, RedemptionService service, Enterprises enterprises,
                       Idempotency idempotency, CrossRegion crossRegion, Reader reader) {
        this.redemptions = redemptions;
        this.service = service;
        this.enterprises = enterprises;
        this.idempotency = idempotency;
        this.crossRegion = crossRegion;
        this.reader = reader;
    }

    /** P3: each must be answered; any "yes" refuses the redemption. */
    public record DeclarationsDto(@NotNull Boolean patentApplicationStage, @NotNull Boolean statutoryTesting,
                                  @NotNull Boolean otherPublicFunding) {}

    @Schema(example = "{\"voucherId\":\"3f2b8c1e-9d4a-4e7b-8a2c-5d6e7f8a9b0c\",\"providerUscc\":\"91310104DEM000011H\",\"category\":\"TESTING_INSPECTION_CERTIFICATION\",\"declarations\":{\"patentApplicationStage\":false,\"statutoryTesting\":false,\"otherPublicFunding\":false},\"contractNo\":\"HT-2026-001\",\"invoiceNo\":\"FP-2026-001\",\"actualExpenditureFen\":1200000,\"requestedFen\":600000,\"completionDate\":\"2026-11-20\"}")
    public record FileRequest(
            @NotNull UUID voucherId,
            @NotBlank @Size(max = 18) String providerUscc,
            @NotBlank @Size(max = 64) String category,
            @NotNull @Valid DeclarationsDto declarations,
            @NotBlank @Size(max = 64) String contractNo,
            @NotBlank @Size(max = 64) String invoiceNo,
            @NotNull @Positive @Max(Money.MAX_FEN) Long actualExpenditureFen,
            @NotNull @Positive @Max(Money.MAX_FEN) Long requestedFen,
            @NotNull LocalDate completionDate,
            Boolean relationDeclared) {}

    public record Reason(@NotBlank @Size(max = 500) String reason) {}

    @Schema(example = "{\"paymentReference\":\"BANK-2026-0001\"}")
    public record Payment(@NotBlank @Size(max = 100) String paymentReference) {}

    public record RedemptionView(UUID id, UUID voucherId, String enterpriseUscc, String providerUscc, String category,
                                 String contractNo, String invoiceNo, LocalDate completionDate,
                                 long actualExpenditureFen, long requestedFen, long voucherAmountFen,
                                 long enterpriseShareFen, RedemptionMode.Payee payee, String payeeUscc,
                                 RedemptionStatus status, int policyVersion, OffsetDateTime filedAt,
                                 OffsetDateTime confirmedAt, OffsetDateTime decidedAt, OffsetDateTime paidAt,
                                 String paymentReference, String reason, String providerProvince,
                                 String reasonCode, RedemptionRules.Trim trimmedBy, String trimmedReason,
                                 String decidedBy, String paidBy) {}

    /**
     * A redemption as its reader sees it: a reason the system gave (its code in {@code reasonCode}) and why the
     * amount was trimmed (P6) are rendered in the reader's language.
     */
    RedemptionView view(Redemption r) {
        return new RedemptionView(r.id, r.voucherId, r.enterpriseUscc, r.providerUscc, r.category, r.contractNo,
                r.invoiceNo, r.completionDate, r.actualExpenditureFen, r.requestedFen, r.voucherAmountFen,
                r.enterpriseShareFen, r.payee, r.payeeUscc, r.status, r.policyVersion, r.filedAt, r.confirmedAt,
                r.decidedAt, r.paidAt, r.paymentReference, reader.reason(r.reasonCode, r.reason, r.reason),
                r.providerProvince, r.reasonCode, r.trimmedBy,
                r.trimmedBy == null ? null : reader.reason("trim." + r.trimmedBy, null), r.decidedBy, r.paidBy);
    }

    // ---- enterprise

    @RolesAllowed({Roles.ENTERPRISE, Roles.AGENT})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/enterprises/{uscc}/redemptions")
    @Extension(name = ProblemResponses.ANSWERS, value = "201,409,422")
    public Response file(@PathParam("uscc") String uscc, @HeaderParam(Idempotency.HEADER) String key,
                         @NotNull @Valid FileRequest body) {
        UsccParam.require("uscc", uscc);
        UsccParam.require("providerUscc", body.providerUscc());
        var d = body.declarations();
        var filing = new RedemptionService.Filing(body.voucherId(), body.providerUscc(), body.category(),
                new RedemptionRules.Declarations(d.patentApplicationStage(), d.statutoryTesting(), d.otherPublicFunding()),
                body.contractNo(), body.invoiceNo(), body.actualExpenditureFen(), body.requestedFen(),
                body.completionDate(), Boolean.TRUE.equals(body.relationDeclared()));
        return idempotency.once("file-redemption:" + uscc, key, body, 201,
                () -> view(service.file(uscc, filing)));
    }

    /** The enterprise's redemptions, oldest filing first, a page at a time ({@code limit} ≤ 500, default 100). */
    @RolesAllowed({Roles.ENTERPRISE, Roles.OPERATOR, Roles.AGENT})
    @GET
    @Path("/enterprises/{uscc}/redemptions")
    public List<RedemptionView> ofEnterprise(@PathParam("uscc") String uscc, @QueryParam("limit") String limit,
                                             @QueryParam("offset") String offset) {
        Paging page = Paging.of(limit, offset);
        enterprises.require(uscc);
        return redemptions.ofEnterprise(uscc, page).stream().map(this::view).toList();
    }

    @RolesAllowed({Roles.ENTERPRISE, Roles.OPERATOR, Roles.AGENT})
    @GET
    @Path("/enterprises/{uscc}/redemptions/{id}")
    public RedemptionView one(@PathParam("uscc") String uscc, @PathParam("id") String idParam) {
        UUID id = IdParam.uuid("id", idParam);
        Redemption r = redemptions.get(id);
        if (!r.enterpriseUscc.equals(uscc)) {
            throw ProblemException.notFound("redemption", id);
        }
        return view(r);
    }

    // ---- provider

    /** Redemptions filed with this provider in its own province, oldest first, a page at a time. */
    @RolesAllowed({Roles.PROVIDER, Roles.OPERATOR})
    @GET
    @Path("/providers/{uscc}/redemptions")
    public List<RedemptionView> ofProvider(@PathParam("uscc") String uscc, @QueryParam("limit") String limit,
                                           @QueryParam("offset") String offset) {
        UsccParam.require("uscc", uscc);
        return redemptions.ofProvider(uscc, Paging.of(limit, offset)).stream().map(this::view).toList();
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
                () -> view(service.confirm(uscc, id)));
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
                () -> view(service.dispute(uscc, id, body.reason())));
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

    // ---- operator

    /** The operator's work queue, oldest filing first, a page at a time ({@code limit} ≤ 500, default 100). */
    @RolesAllowed({Roles.OPERATOR, Roles.FINANCE})
    @GET
    @Path("/operator/redemptions")
    public List<RedemptionView> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
                                     @QueryParam("offset") String offset) {
        return redemptions.withStatus(Params.oneOf("status", status, RedemptionStatus.class), Paging.of(limit, offset))
                .stream().map(this::view).toList();
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
                () -> view(service.approve(id, body.reason())));
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
                () -> view(service.reject(id, body.reason())));
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
                () -> view(service.pay(id, body.paymentReference())));
    }
}
