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
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.yrd.voucher.edge.IdParam;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Reader;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.policy.RiskRules;

/** P13 risk prevention: the operator's queue of flags, each with its rule and evidence, and their decisions. */
@Path("/api/v1")
public class RiskResource {
    private final RiskScreening screening;
    private final Reader reader;

    RiskResource(RiskScreening screening, Reader reader) {
        this.screening = screening;
        this.reader = reader;
    }

    public record Decision(@NotBlank @Size(max = 500) String reason) {}

    /** {@code explanation}: the rule and its evidence in the reader's language. */
    public record FlagView(UUID id, UUID redemptionId, RiskRules.Rule rule, String explanation,
                           Map<String, Object> evidence, RiskFlag.Source source, RiskFlag.Status status,
                           OffsetDateTime raisedAt, OffsetDateTime decidedAt, String decidedBy, String decisionReason) {}

    FlagView view(RiskFlag f) {
        return new FlagView(f.id, f.redemptionId, f.rule,
                reader.reason("risk." + f.rule.name(), f.rule.name(), f.rule.explanationArgs(f.evidence)), f.evidence,
                f.source, f.status, f.raisedAt, f.decidedAt, f.decidedBy, f.decisionReason);
    }

    /** Flags, oldest first, a page at a time; {@code status=OPEN} is the queue. */
    @RolesAllowed(Roles.OPERATOR)
    @GET
    @Path("/operator/risk-flags")
    public List<FlagView> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
                               @QueryParam("offset") String offset) {
        Paging page = Paging.of(limit, offset);
        RiskFlag.Status s = Params.oneOf("status", status, RiskFlag.Status.class);
        return screening.list(s, page).stream().map(this::view).toList();
    }

    @RolesAllowed({Roles.OPERATOR, Roles.FINANCE})
    @GET
    @Path("/operator/redemptions/{id}/risk-flags")
    public List<FlagView> ofRedemption(@PathParam("id") String idParam) {
        return screening.ofRedemption(IdParam.uuid("id", idParam)).stream().map(this::view).toList();
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
