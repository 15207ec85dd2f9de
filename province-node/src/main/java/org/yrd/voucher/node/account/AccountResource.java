package org.yrd.voucher.node.account;

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
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yrd.voucher.edge.Caller;
import org.yrd.voucher.edge.IdParam;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Roles;

/**
 * A self-registered account asks to act for its company; the province's operators confirm or reject it
 * (docs/security.md "Accounts"). Companies that sign in through the government identity need none of this.
 */
@Path("/api/v1")
public class AccountResource {
    private final AccountBindingService service;
    private final Caller caller;

    AccountResource(AccountBindingService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @Schema(example = "{\"uscc\":\"91330106MA2KXXXX0L\",\"companyName\":\"杭州示范科技有限公司\",\"kind\":\"ENTERPRISE\"}")
    public record BindingRequest(@NotBlank @Size(max = 18) String uscc, @NotBlank @Size(max = 200) String companyName,
                                 @NotNull AccountBinding.Kind kind) {}

    public record Decision(@NotBlank @Size(max = 500) String reason) {}

    public record BindingView(UUID id, String username, String uscc, String companyName, AccountBinding.Kind kind,
                              AccountBinding.Status status, OffsetDateTime requestedAt, OffsetDateTime decidedAt,
                              String decidedBy, String decisionReason) {
        static BindingView of(AccountBinding b) {
            return new BindingView(b.id, b.username, b.uscc, b.companyName, b.kind, b.status, b.requestedAt,
                    b.decidedAt, b.decidedBy, b.decisionReason);
        }
    }

    /** The account asks to act for a company; it waits for an operator (201, PENDING). */
    @RolesAllowed(Roles.APPLICANT)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/account/binding")
    @Extension(name = ProblemResponses.ANSWERS, value = "201,409")
    public Response request(@NotNull @Valid BindingRequest r) {
        if (caller.claim(Roles.USCC_CLAIM) != null) {
            throw ProblemException.conflict("account-already-bound", caller.claim(Roles.USCC_CLAIM));
        }
        AccountBinding b = service.request(caller.actor().subject(), caller.claim("preferred_username"), r.uscc(),
                r.companyName(), r.kind());
        return Response.status(201).entity(BindingView.of(b)).build();
    }

    /** The account's latest request and where it stands; 404 if it made none. */
    @RolesAllowed(Roles.APPLICANT)
    @GET
    @Path("/account/binding")
    @Extension(name = ProblemResponses.ANSWERS, value = "404")
    public BindingView mine() {
        return service.latestOf(caller.actor().subject()).map(BindingView::of)
                .orElseThrow(() -> ProblemException.notFound("account-binding", caller.actor().subject()));
    }

    /** The operators' queue (default: PENDING, oldest first), a page at a time. */
    @RolesAllowed(Roles.OPERATOR)
    @GET
    @Path("/operator/account-bindings")
    public List<BindingView> queue(@QueryParam("status") String status, @QueryParam("limit") String limit,
                                   @QueryParam("offset") String offset) {
        AccountBinding.Status s = Params.oneOf("status", status, AccountBinding.Status.class);
        return service.inStatus(s == null ? AccountBinding.Status.PENDING : s, Paging.of(limit, offset)).stream()
                .map(BindingView::of).toList();
    }

    /** Confirmed: the account acts for the company from its next sign-in; 503 if the realm cannot be reached. */
    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/account-bindings/{id}/confirm")
    @Extension(name = ProblemResponses.ANSWERS, value = "409")
    public BindingView confirm(@PathParam("id") String idParam, @NotNull @Valid Decision d) {
        return BindingView.of(service.confirm(IdParam.uuid("id", idParam), caller.actor().label(), d.reason()));
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/account-bindings/{id}/reject")
    @Extension(name = ProblemResponses.ANSWERS, value = "409")
    public BindingView reject(@PathParam("id") String idParam, @NotNull @Valid Decision d) {
        return BindingView.of(service.reject(IdParam.uuid("id", idParam), caller.actor().label(), d.reason()));
    }
}
