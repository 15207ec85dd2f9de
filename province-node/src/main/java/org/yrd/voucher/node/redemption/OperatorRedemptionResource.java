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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yrd.voucher.edge.IdParam;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.node.common.Idempotency;
import org.yrd.voucher.node.common.XlsxExport;
import org.yrd.voucher.node.redemption.RedemptionViews.Reason;
import org.yrd.voucher.node.redemption.RedemptionViews.RedemptionView;

/** The operator's work queue and decisions, and finance's payment (P6, P10, P11). */
@Path("/api/v1")
public class OperatorRedemptionResource {
    private final Redemptions redemptions;
    private final RedemptionService service;
    private final Idempotency idempotency;
    private final RedemptionViews views;
    private final RedemptionExport export;
    private final ApprovalSheets sheets;

    OperatorRedemptionResource(Redemptions redemptions, RedemptionService service, Idempotency idempotency,
                               RedemptionViews views, RedemptionExport export, ApprovalSheets sheets) {
        this.export = export;
        this.sheets = sheets;
        this.redemptions = redemptions;
        this.service = service;
        this.idempotency = idempotency;
        this.views = views;
    }

    @Schema(example = "{\"paymentReference\":\"BANK-2026-0001\"}")
    public record Payment(@NotBlank @Size(max = 100) String paymentReference) {}

    /**
     * The operator's work queue, oldest filing first, a page at a time ({@code limit} ≤ 500, default 100), with the
     * parties' names: by {@code status}, filing day ({@code from}, {@code to}, inclusive, yyyy-MM-dd in the
     * programme's time zone) and {@code q}, an enterprise's or provider's USCC or part of its name, of the invoice or
     * of the contract number.
     */
    @RolesAllowed({Roles.OPERATOR, Roles.FINANCE})
    @GET
    @Path("/operator/redemptions")
    public List<RedemptionView> list(@QueryParam("status") String status, @QueryParam("q") String q,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return views.views(redemptions.search(export.search(status, q, from, to), Paging.of(limit, offset)));
    }

    /** The same list, every row the filters find, as an Excel workbook written as it is read. */
    @RolesAllowed({Roles.OPERATOR, Roles.FINANCE})
    @GET
    @Path("/operator/redemptions/export")
    @Produces(XlsxExport.TYPE)
    public Response export(@QueryParam("status") String status, @QueryParam("q") String q,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        return export.download(export.search(status, q, from, to));
    }

    /** The redemption's A4 approval sheet for the file (PDF), with every audit record of it by its place in the chain. */
    @RolesAllowed({Roles.OPERATOR, Roles.FINANCE})
    @GET
    @Path("/operator/redemptions/{id}/approval-sheet")
    @Produces("application/pdf")
    public Response approvalSheet(@PathParam("id") String idParam) {
        UUID id = IdParam.uuid("id", idParam);
        return Response.ok(sheets.redemption(id), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"redemption-" + id + ".pdf\"").build();
    }

    /** The payments of a day ({@code day}, yyyy-MM-dd, China time) as one A4 sheet (PDF), each with its audit record. */
    @RolesAllowed({Roles.OPERATOR, Roles.FINANCE})
    @GET
    @Path("/operator/payments/sheet")
    @Produces("application/pdf")
    public Response paymentSheet(@QueryParam("day") String day) {
        LocalDate d = Params.date("day", day);
        if (d == null) {
            throw ProblemException.invalid("day", "required");
        }
        return Response.ok(sheets.payments(d), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"payments-" + d + ".pdf\"").build();
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
