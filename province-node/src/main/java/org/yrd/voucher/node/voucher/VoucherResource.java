package org.yrd.voucher.node.voucher;

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
import jakarta.ws.rs.Produces;
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
import org.yrd.voucher.edge.Caller;
import org.yrd.voucher.edge.IdParam;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Reader;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.edge.UsccParam;
import org.yrd.voucher.node.common.Idempotency;
import org.yrd.voucher.node.common.ListQuery;
import org.yrd.voucher.node.common.PartyNames;
import org.yrd.voucher.node.common.XlsxExport;
import org.yrd.voucher.node.enterprise.Enterprises;
import org.yrd.voucher.policy.Money;

@Path("/api/v1")
public class VoucherResource {
    private final Vouchers vouchers;
    private final VoucherService service;
    private final Enterprises enterprises;
    private final Idempotency idempotency;
    private final Reader reader;
    private final Caller caller;
    private final XlsxExport xlsx;
    private final PartyNames partyNames;

    private static final List<String> APPLICATION_COLUMNS = List.of("id", "filedAt", "enterpriseUscc",
            "enterpriseName", "amount", "policyVersion", "status");

    VoucherResource(Vouchers vouchers, VoucherService service, Enterprises enterprises, Idempotency idempotency,
                    Reader reader, Caller caller, XlsxExport xlsx, PartyNames partyNames) {
        this.xlsx = xlsx;
        this.partyNames = partyNames;
        this.vouchers = vouchers;
        this.service = service;
        this.enterprises = enterprises;
        this.idempotency = idempotency;
        this.reader = reader;
        this.caller = caller;
    }

    @Schema(example = "{\"amountFen\":1000000}")
    public record ApplyRequest(@NotNull @Positive @Max(Money.MAX_FEN) Long amountFen) {}

    public record Decision(@NotBlank @Size(max = 500) String reason) {}

    public record ApplicationView(UUID id, String enterpriseUscc, long amountFen, VoucherApplication.Status status,
                                  int policyVersion, OffsetDateTime filedAt, OffsetDateTime decidedAt, String decidedBy,
                                  String decisionReason, UUID voucherId, String decisionCode, String enterpriseName) {}

    /** An application as its reader sees it: a reason the system gave is rendered in the reader's language. */
    ApplicationView view(VoucherApplication a) {
        return view(a, null);
    }

    /** With the enterprise's name beside its code (lists; a command's answer has none). */
    ApplicationView view(VoucherApplication a, String enterpriseName) {
        return new ApplicationView(a.id, a.enterpriseUscc, a.amountFen, a.status, a.policyVersion, a.filedAt,
                a.decidedAt, a.decidedBy, reader.reason(a.decisionCode, a.decisionReason), a.voucherId, a.decisionCode,
                enterpriseName);
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
    @RolesAllowed({Roles.ENTERPRISE, Roles.AGENT})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/enterprises/{uscc}/applications")
    @Extension(name = ProblemResponses.ANSWERS, value = "201,409,422")
    public Response apply(@PathParam("uscc") String uscc, @HeaderParam(Idempotency.HEADER) String key,
                          @NotNull @Valid ApplyRequest body) {
        UsccParam.require("uscc", uscc);
        return idempotency.once("apply:" + uscc, key, body, 201,
                () -> view(service.apply(uscc, body.amountFen())));
    }

    @RolesAllowed({Roles.ENTERPRISE, Roles.OPERATOR, Roles.AGENT})
    @GET
    @Path("/enterprises/{uscc}/applications")
    public List<ApplicationView> applications(@PathParam("uscc") String uscc) {
        enterprises.require(uscc);
        return vouchers.applicationsOf(uscc).stream().map(this::view).toList();
    }

    @RolesAllowed({Roles.ENTERPRISE, Roles.OPERATOR, Roles.AGENT})
    @GET
    @Path("/enterprises/{uscc}/vouchers")
    public List<VoucherView> vouchers(@PathParam("uscc") String uscc) {
        enterprises.require(uscc);
        return vouchers.ofEnterprise(uscc).stream().map(VoucherView::of).toList();
    }

    /**
     * The operator's queue of applications to decide, oldest first, a page at a time ({@code limit} ≤ 500), with the
     * enterprise's name: {@code q} an enterprise's USCC or part of its name, {@code from}/{@code to} days applied
     * (yyyy-MM-dd, China time, both included).
     */
    @RolesAllowed(Roles.OPERATOR)
    @GET
    @Path("/operator/applications/pending")
    public List<ApplicationView> pending(@QueryParam("q") String q, @QueryParam("from") String from,
                                         @QueryParam("to") String to, @QueryParam("limit") String limit,
                                         @QueryParam("offset") String offset) {
        return named(vouchers.pendingApplications(ListQuery.of(q, from, to), Paging.of(limit, offset)));
    }

    /** The same queue, every application the filters find, as an Excel workbook written as it is read. */
    @RolesAllowed(Roles.OPERATOR)
    @GET
    @Path("/operator/applications/pending/export")
    @Produces(XlsxExport.TYPE)
    public Response exportPending(@QueryParam("q") String q, @QueryParam("from") String from,
                                  @QueryParam("to") String to) {
        ListQuery query = ListQuery.of(q, from, to);
        return xlsx.download("applications", APPLICATION_COLUMNS,
                page -> named(vouchers.pendingApplications(query, page)),
                a -> new Object[] {a.id(), a.filedAt(), a.enterpriseUscc(), a.enterpriseName(),
                    new XlsxExport.Yuan(a.amountFen()), a.policyVersion(), a.status()});
    }

    private List<ApplicationView> named(List<VoucherApplication> list) {
        var names = partyNames.of(list.stream().map(a -> a.enterpriseUscc).collect(java.util.stream.Collectors.toSet()));
        return list.stream().map(a -> view(a, names.get(a.enterpriseUscc))).toList();
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/applications/{id}/approve")
    @Extension(name = ProblemResponses.ANSWERS, value = "409,422")
    public Response approve(@PathParam("id") String idParam, @HeaderParam(Idempotency.HEADER) String key,
                            @NotNull @Valid Decision d) {
        UUID id = IdParam.uuid("id", idParam);
        return idempotency.once("approve-application:" + id, key, d, 200,
                () -> view(service.approve(id, caller.actor().label(), d.reason())));
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/applications/{id}/reject")
    @Extension(name = ProblemResponses.ANSWERS, value = "409")
    public Response reject(@PathParam("id") String idParam, @HeaderParam(Idempotency.HEADER) String key,
                           @NotNull @Valid Decision d) {
        UUID id = IdParam.uuid("id", idParam);
        return idempotency.once("reject-application:" + id, key, d, 200,
                () -> view(service.reject(id, caller.actor().label(), d.reason())));
    }
}
