package org.yrd.voucher.node.agent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yrd.voucher.edge.IdParam;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Roles;

/** P9 service points: the enterprise's mandates, and what a service point holds. */
@Path("/api/v1")
public class MandateResource {
    private final MandateService service;

    MandateResource(MandateService service) {
        this.service = service;
    }

    @Schema(example = "{\"agentUscc\":\"91310104DEM000021J\",\"scopes\":[\"APPLY\",\"FILE\"],\"validUntil\":\"2027-06-30\"}")
    public record Grant(@NotBlank @Size(max = 18) String agentUscc, @NotEmpty @Size(max = 2) Set<Mandate.@NotNull Scope> scopes,
                        @NotNull LocalDate validUntil) {}

    public record Revocation(@NotBlank @Size(max = 500) String reason) {}

    public record MandateView(UUID id, String enterpriseUscc, String agentUscc, Set<Mandate.Scope> scopes,
                              LocalDate validFrom, LocalDate validUntil, OffsetDateTime grantedAt,
                              OffsetDateTime revokedAt, String revokedReason) {
        static MandateView of(Mandate m) {
            return new MandateView(m.id, m.enterpriseUscc, m.agentUscc, m.scopes(), m.validFrom, m.validUntil,
                    m.grantedAt, m.revokedAt, m.revokedReason);
        }
    }

    /** The enterprise authorises a service point to apply and/or file for it, until a day at most a year ahead. */
    @RolesAllowed(Roles.ENTERPRISE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/enterprises/{uscc}/mandates")
    @Extension(name = ProblemResponses.ANSWERS, value = "201")
    public Response grant(@PathParam("uscc") String uscc, @NotNull @Valid Grant body) {
        Mandate m = service.grant(uscc, body.agentUscc(), body.scopes(), body.validUntil());
        return Response.status(201).entity(MandateView.of(m)).build();
    }

    @RolesAllowed({Roles.ENTERPRISE, Roles.OPERATOR})
    @GET
    @Path("/enterprises/{uscc}/mandates")
    public List<MandateView> ofEnterprise(@PathParam("uscc") String uscc) {
        return service.ofEnterprise(uscc).stream().map(MandateView::of).toList();
    }

    @RolesAllowed(Roles.ENTERPRISE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/enterprises/{uscc}/mandates/{id}/revoke")
    @Extension(name = ProblemResponses.ANSWERS, value = "409")
    public MandateView revoke(@PathParam("uscc") String uscc, @PathParam("id") String idParam,
                              @NotNull @Valid Revocation body) {
        return MandateView.of(service.revoke(uscc, IdParam.uuid("id", idParam), body.reason()));
    }

    /** The enterprises a service point may act for (in force today or later). */
    @RolesAllowed({Roles.AGENT, Roles.OPERATOR})
    @GET
    @Path("/agents/{uscc}/mandates")
    public List<MandateView> ofAgent(@PathParam("uscc") String uscc) {
        return service.ofAgent(uscc).stream().map(MandateView::of).toList();
    }
}
