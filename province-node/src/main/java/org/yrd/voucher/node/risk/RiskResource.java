package org.yrd.voucher.node.risk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.yrd.voucher.edge.IdParam;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Reader;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.node.common.ListQuery;
import org.yrd.voucher.node.common.PartyNames;
import org.yrd.voucher.node.common.XlsxExport;
import org.yrd.voucher.policy.RiskRules;

/** P13 risk prevention: the operator's queue of flags, each with its rule and evidence, and their decisions. */
@Path("/api/v1")
public class RiskResource {
    private final RiskScreening screening;
    private final Reader reader;
    private final PartyNames names;
    private final XlsxExport xlsx;

    RiskResource(RiskScreening screening, Reader reader, PartyNames names, XlsxExport xlsx) {
        this.screening = screening;
        this.reader = reader;
        this.names = names;
        this.xlsx = xlsx;
    }

    private static final List<String> COLUMNS = List.of("raisedAt", "rule", "explanation", "status", "enterpriseUscc",
            "enterpriseName", "providerUscc", "providerName", "invoiceNo", "redemptionId", "source", "decidedAt",
            "decidedBy", "decisionReason");

    public record Decision(@NotBlank @Size(max = 500) String reason) {}

    /**
     * {@code explanation}: the rule and its evidence in the reader's language; the redemption's enterprise and
     * provider with their names, and its invoice.
     */
    public record FlagView(UUID id, UUID redemptionId, RiskRules.Rule rule, String explanation,
                           Map<String, Object> evidence, RiskFlag.Source source, RiskFlag.Status status,
                           OffsetDateTime raisedAt, OffsetDateTime decidedAt, String decidedBy, String decisionReason,
                           String enterpriseUscc, String enterpriseName, String providerUscc, String providerName,
                           String invoiceNo) {}

    List<FlagView> views(List<RiskFlag> flags) {
        var parties = screening.parties(flags.stream().map(f -> f.redemptionId).collect(Collectors.toSet()));
        var known = names.of(parties.values().stream()
                .flatMap(p -> Stream.of(p.enterpriseUscc(), p.providerUscc())).collect(Collectors.toSet()));
        return flags.stream().map(f -> {
            RiskFlags.Parties p = parties.getOrDefault(f.redemptionId, new RiskFlags.Parties(null, null, null));
            return new FlagView(f.id, f.redemptionId, f.rule,
                    reader.reason("risk." + f.rule.name(), f.rule.name(), f.rule.explanationArgs(f.evidence)),
                    f.evidence, f.source, f.status, f.raisedAt, f.decidedAt, f.decidedBy, f.decisionReason,
                    p.enterpriseUscc(), known.get(p.enterpriseUscc()), p.providerUscc(), known.get(p.providerUscc()),
                    p.invoiceNo());
        }).toList();
    }

    FlagView view(RiskFlag f) {
        return views(List.of(f)).get(0);
    }

    /**
     * Flags, oldest first, a page at a time; {@code status=OPEN} is the queue. {@code q}: the enterprise's or
     * provider's USCC or part of its name, or the invoice number; {@code from}/{@code to}: days raised (yyyy-MM-dd,
     * China time, both included).
     */
    @RolesAllowed(Roles.OPERATOR)
    @GET
    @Path("/operator/risk-flags")
    public List<FlagView> list(@QueryParam("status") String status, @QueryParam("q") String q,
                               @QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        RiskFlag.Status s = Params.oneOf("status", status, RiskFlag.Status.class);
        return views(screening.search(s, ListQuery.of(q, from, to), Paging.of(limit, offset)));
    }

    /** The same list, every flag the filters find, as an Excel workbook written as it is read. */
    @RolesAllowed(Roles.OPERATOR)
    @GET
    @Path("/operator/risk-flags/export")
    @Produces(XlsxExport.TYPE)
    public Response export(@QueryParam("status") String status, @QueryParam("q") String q,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        RiskFlag.Status s = Params.oneOf("status", status, RiskFlag.Status.class);
        ListQuery query = ListQuery.of(q, from, to);
        return xlsx.download("riskFlags", COLUMNS, page -> views(screening.search(s, query, page)),
                f -> new Object[] {f.raisedAt(), f.rule(), f.explanation(), f.status(), f.enterpriseUscc(),
                    f.enterpriseName(), f.providerUscc(), f.providerName(), f.invoiceNo(), f.redemptionId(),
                    f.source(), f.decidedAt(), f.decidedBy(), f.decisionReason()});
    }

    @RolesAllowed({Roles.OPERATOR, Roles.FINANCE})
    @GET
    @Path("/operator/redemptions/{id}/risk-flags")
    public List<FlagView> ofRedemption(@PathParam("id") String idParam) {
        return views(screening.ofRedemption(IdParam.uuid("id", idParam)));
    }

    /** The risk is real: the redemption is then neither approved nor paid (reject it). */
    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/risk-flags/{id}/confirm")
    @Extension(name = ProblemResponses.ANSWERS, value = "409")
    public FlagView confirm(@PathParam("id") String idParam, @NotNull @Valid Decision body) {
        return view(screening.decide(IdParam.uuid("id", idParam), true, body.reason()));
    }

    /** The operator checked and found nothing wrong: the redemption may go on once no flag is open. */
    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/risk-flags/{id}/clear")
    @Extension(name = ProblemResponses.ANSWERS, value = "409")
    public FlagView clear(@PathParam("id") String idParam, @NotNull @Valid Decision body) {
        return view(screening.decide(IdParam.uuid("id", idParam), false, body.reason()));
    }
}
