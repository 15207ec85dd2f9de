package org.yrd.voucher.node.provider;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yrd.voucher.edge.Caller;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.edge.UsccParam;
import org.yrd.voucher.node.common.Contact;
import org.yrd.voucher.node.common.ListQuery;
import org.yrd.voucher.node.common.XlsxExport;
import org.yrd.voucher.node.common.Scope;

@Path("/api/v1")
public class ProviderResource {
    private final ProviderService service;
    private final Providers providers;

    private final Caller caller;
    private final Scope scope;

    private final XlsxExport xlsx;

    private static final List<String> COLUMNS = List.of("uscc", "name", "status", "categories", "appliedAt",
            "updatedAt", "legalRepresentative", "contactPhone", "address");

    ProviderResource(ProviderService service, Providers providers, Caller caller, Scope scope, XlsxExport xlsx) {
        this.xlsx = xlsx;
        this.service = service;
        this.providers = providers;
        this.caller = caller;
        this.scope = scope;
    }

    public record QualificationDto(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,31}", message = "a code such as CMA or CNAS") String kind,
            @NotBlank @Size(max = 64) String number) {}

    @Schema(example = "{\"uscc\":\"91310104DEM000011H\",\"name\":\"上海市示范检验检测研究院\",\"categories\":[\"TESTING_INSPECTION_CERTIFICATION\"],\"qualifications\":[{\"kind\":\"CMA\",\"number\":\"CMA-2026-0001\"}]}")
    public record AdmissionApplication(
            @NotBlank @Size(max = 18) String uscc,
            @NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 64) String> categories,
            @NotNull @Size(max = 20) List<@NotNull @Valid QualificationDto> qualifications,
            @Size(max = 100) String legalRepresentative,
            @Size(max = 32) String contactPhone,
            @Size(max = 300) String address) {}

    public record Decision(@NotBlank @Size(max = 500) String reason) {}

    public record ProviderView(String uscc, String name, ProviderStatus status, Set<String> categories,
                               List<Provider.Qualification> qualifications, OffsetDateTime appliedAt,
                               OffsetDateTime updatedAt, String legalRepresentative, String contactPhone,
                               String address) {
        static ProviderView of(Provider p) {
            return new ProviderView(p.uscc, p.name, p.status, p.categories(), p.qualifications, p.appliedAt, p.updatedAt,
                    p.contact().legalRepresentative, p.contact().contactPhone, p.contact().address);
        }
    }

    public record HistoryEntry(ProviderStatus from, ProviderStatus to, String reason, String actor, OffsetDateTime at) {}

    /** P5: a provider applies voluntarily for admission in its home province. */
    @RolesAllowed(Roles.PROVIDER)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/providers")
    @Extension(name = ProblemResponses.ANSWERS, value = "201,409")
    public Response apply(@NotNull @Valid AdmissionApplication a) {
        UsccParam.require("uscc", a.uscc());
        scope.requireOwn(a.uscc());
        var p = service.apply(a.uscc(), a.name(), a.categories(),
                a.qualifications().stream().map(q -> new Provider.Qualification(q.kind(), q.number())).toList(),
                Contact.of(a.legalRepresentative(), a.contactPhone(), a.address()));
        return Response.status(201).entity(ProviderView.of(p)).build();
    }

    @RolesAllowed({Roles.PROVIDER, Roles.OPERATOR})
    @GET
    @Path("/providers/{uscc}")
    public ProviderView get(@PathParam("uscc") String uscc) {
        return ProviderView.of(service.require(uscc));
    }

    /**
     * This province's providers, optionally in one admission state, earliest application first, a page at a time:
     * {@code q} a USCC or part of a name, {@code from}/{@code to} days applied (yyyy-MM-dd, China time, both included).
     */
    @RolesAllowed(Roles.OPERATOR)
    @GET
    @Path("/operator/providers")
    public List<ProviderView> list(@QueryParam("status") String status, @QueryParam("q") String q,
                                   @QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return providers.list(Params.oneOf("status", status, ProviderStatus.class), ListQuery.of(q, from, to),
                Paging.of(limit, offset)).stream().map(ProviderView::of).toList();
    }

    /** The same list, every provider the filters find, as an Excel workbook written as it is read. */
    @RolesAllowed(Roles.OPERATOR)
    @GET
    @Path("/operator/providers/export")
    @Produces(XlsxExport.TYPE)
    public Response export(@QueryParam("status") String status, @QueryParam("q") String q,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        ProviderStatus s = Params.oneOf("status", status, ProviderStatus.class);
        ListQuery query = ListQuery.of(q, from, to);
        return xlsx.download("providers", COLUMNS, page -> providers.list(s, query, page).stream().map(ProviderView::of).toList(),
                p -> new Object[] {p.uscc(), p.name(), p.status(), String.join(", ", new java.util.TreeSet<>(p.categories())),
                    p.appliedAt(), p.updatedAt(), p.legalRepresentative(), p.contactPhone(), p.address()});
    }

    @RolesAllowed(Roles.OPERATOR)
    @GET
    @Path("/operator/providers/{uscc}/history")
    public List<HistoryEntry> history(@PathParam("uscc") String uscc) {
        service.require(uscc);
        return providers.history(uscc).stream()
                .map(c -> new HistoryEntry(c.fromStatus, c.toStatus, c.reason, c.actor, c.at)).toList();
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/providers/{uscc}/admit")
    @Extension(name = ProblemResponses.ANSWERS, value = "409,422")
    public ProviderView admit(@PathParam("uscc") String uscc, @NotNull @Valid Decision d) {
        return ProviderView.of(service.decide(uscc, ProviderStatus.ADMITTED, d.reason(), caller.actor().label()));
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/providers/{uscc}/reject")
    @Extension(name = ProblemResponses.ANSWERS, value = "409")
    public ProviderView reject(@PathParam("uscc") String uscc, @NotNull @Valid Decision d) {
        return ProviderView.of(service.decide(uscc, ProviderStatus.REJECTED, d.reason(), caller.actor().label()));
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/providers/{uscc}/suspend")
    @Extension(name = ProblemResponses.ANSWERS, value = "409")
    public ProviderView suspend(@PathParam("uscc") String uscc, @NotNull @Valid Decision d) {
        return ProviderView.of(service.decide(uscc, ProviderStatus.SUSPENDED, d.reason(), caller.actor().label()));
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/providers/{uscc}/revoke")
    @Extension(name = ProblemResponses.ANSWERS, value = "409")
    public ProviderView revoke(@PathParam("uscc") String uscc, @NotNull @Valid Decision d) {
        return ProviderView.of(service.decide(uscc, ProviderStatus.REVOKED, d.reason(), caller.actor().label()));
    }
}
