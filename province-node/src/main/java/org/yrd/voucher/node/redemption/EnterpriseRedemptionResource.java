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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yrd.voucher.edge.IdParam;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.edge.UsccParam;
import org.yrd.voucher.node.common.Idempotency;
import org.yrd.voucher.node.enterprise.Enterprises;
import org.yrd.voucher.node.redemption.RedemptionViews.RedemptionView;
import org.yrd.voucher.policy.Money;
import org.yrd.voucher.policy.RedemptionRules;

/** The enterprise's (or its service point's, P9) redemptions: filing one and following it. */
@Path("/api/v1")
public class EnterpriseRedemptionResource {
    private final Redemptions redemptions;
    private final RedemptionFiling filing;
    private final Enterprises enterprises;
    private final Idempotency idempotency;
    private final RedemptionViews views;

    EnterpriseRedemptionResource(Redemptions redemptions, RedemptionFiling filing, Enterprises enterprises,
                                 Idempotency idempotency, RedemptionViews views) {
        this.redemptions = redemptions;
        this.filing = filing;
        this.enterprises = enterprises;
        this.idempotency = idempotency;
        this.views = views;
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
        var filed = new RedemptionFiling.Filing(body.voucherId(), body.providerUscc(), body.category(),
                new RedemptionRules.Declarations(d.patentApplicationStage(), d.statutoryTesting(), d.otherPublicFunding()),
                body.contractNo(), body.invoiceNo(), body.actualExpenditureFen(), body.requestedFen(),
                body.completionDate(), Boolean.TRUE.equals(body.relationDeclared()));
        return idempotency.once("file-redemption:" + uscc, key, body, 201,
                () -> views.view(filing.file(uscc, filed)));
    }

    /** The enterprise's redemptions, oldest filing first, a page at a time ({@code limit} ≤ 500, default 100). */
    @RolesAllowed({Roles.ENTERPRISE, Roles.OPERATOR, Roles.AGENT})
    @GET
    @Path("/enterprises/{uscc}/redemptions")
    public List<RedemptionView> ofEnterprise(@PathParam("uscc") String uscc, @QueryParam("limit") String limit,
                                             @QueryParam("offset") String offset) {
        Paging page = Paging.of(limit, offset);
        enterprises.require(uscc);
        return views.views(redemptions.ofEnterprise(uscc, page));
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
        return views.named(r);
    }
}
