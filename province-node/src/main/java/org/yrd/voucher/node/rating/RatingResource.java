package org.yrd.voucher.node.rating;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yrd.voucher.edge.IdParam;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.edge.UsccParam;

/** P8, P11: the enterprise rates a paid service, once. */
@Path("/api/v1")
public class RatingResource {
    private final RatingService service;

    RatingResource(RatingService service) {
        this.service = service;
    }

    @Schema(example = "{\"score\":5,\"comment\":\"报告及时，数据可靠\"}")
    public record NewRating(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 500) String comment) {}

    public record RatingView(UUID redemptionId, String providerUscc, int score, String comment, OffsetDateTime ratedAt) {
        static RatingView of(Rating r) {
            return new RatingView(r.redemptionId, r.providerUscc, r.score, r.comment, r.ratedAt);
        }
    }

    @RolesAllowed(Roles.ENTERPRISE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/enterprises/{uscc}/redemptions/{id}/rating")
    @Extension(name = ProblemResponses.ANSWERS, value = "201,409")
    public Response rate(@PathParam("uscc") String uscc, @PathParam("id") String idParam,
                         @NotNull @Valid NewRating body) {
        UsccParam.require("uscc", uscc);
        UUID id = IdParam.uuid("id", idParam);
        return Response.status(201).entity(RatingView.of(service.rate(uscc, id, body.score(), body.comment()))).build();
    }

    @RolesAllowed({Roles.ENTERPRISE, Roles.OPERATOR})
    @GET
    @Path("/enterprises/{uscc}/redemptions/{id}/rating")
    public RatingView rating(@PathParam("uscc") String uscc, @PathParam("id") String idParam) {
        return RatingView.of(service.of(uscc, IdParam.uuid("id", idParam)));
    }
}
