package org.yrd.voucher.node.report;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.yrd.voucher.edge.IdParam;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.node.common.ListQuery;
import org.yrd.voucher.node.common.PartyNames;
import org.yrd.voucher.node.common.XlsxExport;

/** P13 social supervision: public reports of suspected abuse, and their triage. */
@Path("/api/v1")
public class ReportResource {
    private final ReportService service;
    private final PartyNames names;
    private final XlsxExport xlsx;

    private static final List<String> COLUMNS = List.of("id", "receivedAt", "subjectKind", "subject", "subjectName",
            "description", "status", "decidedAt", "decidedBy", "decisionReason");

    ReportResource(ReportService service, PartyNames names, XlsxExport xlsx) {
        this.service = service;
        this.names = names;
        this.xlsx = xlsx;
    }

    @Schema(example = "{\"subjectKind\":\"PROVIDER\",\"subject\":\"91310104DEM000011H\",\"description\":\"开具的检测报告与实际服务不符\",\"contact\":\"可选：电话或邮箱\"}")
    public record NewReport(@NotNull PublicReport.SubjectKind subjectKind, @NotBlank @Size(max = 64) String subject,
                            @NotBlank @Size(max = 2000) String description, @Size(max = 200) String contact) {}

    /** What the reporter gets back: a number to quote, and nothing about others' reports. */
    public record Receipt(UUID id, PublicReport.Status status, OffsetDateTime receivedAt) {}

    public record TriageRequest(@NotNull PublicReport.Status outcome, @NotBlank @Size(max = 500) String reason,
                                Boolean list, LocalDate listUntil) {}

    /** {@code subjectName}: the reported enterprise's or provider's name, when it is known here. */
    public record ReportView(UUID id, PublicReport.SubjectKind subjectKind, String subject, String description,
                             String contact, PublicReport.Status status, OffsetDateTime receivedAt,
                             OffsetDateTime decidedAt, String decidedBy, String decisionReason, UUID negativeListEntry,
                             String subjectName) {
        static ReportView of(PublicReport r, String subjectName) {
            return new ReportView(r.id, r.subjectKind, r.subject, r.description, r.contact, r.status, r.receivedAt,
                    r.decidedAt, r.decidedBy, r.decisionReason, r.negativeListEntry, subjectName);
        }
    }

    private List<ReportView> views(List<PublicReport> reports) {
        var known = names.of(reports.stream().map(r -> r.subject).collect(java.util.stream.Collectors.toSet()));
        return reports.stream().map(r -> ReportView.of(r, known.get(r.subject))).toList();
    }

    /** Anyone may report, without signing in; a few reports per address per hour (429 beyond). */
    @PermitAll
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/public/reports")
    @Extension(name = ProblemResponses.ANSWERS, value = "201,429")
    public Response file(@NotNull @Valid NewReport body) {
        PublicReport r = service.file(body.subjectKind(), body.subject(), body.description(), body.contact());
        return Response.status(201).entity(new Receipt(r.id, r.status, r.receivedAt)).build();
    }

    /** Reports received per month (Asia/Shanghai) and how they stand: public supervision of the supervision. */
    @PermitAll
    @GET
    @Path("/public/reports/statistics")
    public List<PublicReports.MonthCount> statistics() {
        return service.perMonth();
    }

    /**
     * Reports oldest first, a page at a time; {@code status=RECEIVED} is the queue. {@code q}: the subject (a USCC,
     * part of its name, a redemption id) or words of the description; {@code from}/{@code to}: days received
     * (yyyy-MM-dd, China time, both included).
     */
    @RolesAllowed(Roles.OPERATOR)
    @GET
    @Path("/operator/reports")
    public List<ReportView> list(@QueryParam("status") String status, @QueryParam("q") String q,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return views(service.list(Params.oneOf("status", status, PublicReport.Status.class), ListQuery.of(q, from, to),
                Paging.of(limit, offset)));
    }

    /**
     * The same list, every report the filters find, as an Excel workbook written as it is read (without the
     * reporters' contacts, which stay in the console).
     */
    @RolesAllowed(Roles.OPERATOR)
    @GET
    @Path("/operator/reports/export")
    @Produces(XlsxExport.TYPE)
    public Response export(@QueryParam("status") String status, @QueryParam("q") String q,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        PublicReport.Status s = Params.oneOf("status", status, PublicReport.Status.class);
        ListQuery query = ListQuery.of(q, from, to);
        return xlsx.download("reports", COLUMNS, page -> views(service.list(s, query, page)),
                r -> new Object[] {r.id(), r.receivedAt(), r.subjectKind(), r.subject(), r.subjectName(),
                    r.description(), r.status(), r.decidedAt(), r.decidedBy(), r.decisionReason()});
    }

    /** Accepted, dismissed or referred, with a reason; {@code list: true} also puts the reported party on the negative list. */
    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/reports/{id}/triage")
    @Extension(name = ProblemResponses.ANSWERS, value = "409")
    public ReportView triage(@PathParam("id") String idParam, @NotNull @Valid TriageRequest body) {
        UUID id = IdParam.uuid("id", idParam);
        return views(List.of(service.triage(id, new ReportService.Triage(body.outcome(), body.reason(),
                Boolean.TRUE.equals(body.list()), body.listUntil())))).get(0);
    }
}
