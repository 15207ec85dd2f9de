package org.yrd.voucher.node.voucher;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yrd.voucher.edge.IdParam;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Roles;

/** P6 draws: announced with their seed before the window opens, run after it closes, public throughout. */
@Path("/api/v1")
public class DrawResource {
    private final DrawService service;
    private final VoucherService vouchers;

    DrawResource(DrawService service, VoucherService vouchers) {
        this.service = service;
        this.vouchers = vouchers;
    }

    @Schema(example = "{\"opensOn\":\"2027-03-01\"}")
    public record Announcement(@NotNull LocalDate opensOn) {}

    public record DrawView(UUID id, LocalDate opensOn, LocalDate closesOn, String seed, DrawRound.Status status,
                           OffsetDateTime announcedAt, OffsetDateTime drawnAt) {
        static DrawView of(DrawRound d) {
            return new DrawView(d.id, d.opensOn, d.closesOn, d.seed, d.status, d.announcedAt, d.drawnAt);
        }
    }

    /** One application as the draw took it: its id, amount and the pools (P10) it draws from besides the province. */
    public record Entry(UUID applicationId, long amountFen, List<String> pools, VoucherApplication.Status status) {}

    /**
     * Everything needed to recompute the draw: the seed, every application (after the window closed), and once
     * drawn, what was left to allocate ({@code budgets}, {@code ""} the province), the order drawn and who won.
     */
    public record DrawDetail(DrawView draw, List<Entry> entries, Map<String, Long> budgets, List<String> order,
                             List<UUID> successful) {}

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/draws")
    @Extension(name = ProblemResponses.ANSWERS, value = "201,409")
    public Response announce(@NotNull @Valid Announcement body) {
        return Response.status(201).entity(DrawView.of(service.announce(body.opensOn()))).build();
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/operator/draws/{id}/run")
    @Extension(name = ProblemResponses.ANSWERS, value = "409")
    public DrawDetail run(@PathParam("id") String idParam) {
        return detail(service.run(IdParam.uuid("id", idParam)));
    }

    @PermitAll
    @GET
    @Path("/public/draws")
    public List<DrawView> all() {
        return service.all().stream().map(DrawView::of).toList();
    }

    @PermitAll
    @GET
    @Path("/public/draws/{id}")
    public DrawDetail one(@PathParam("id") String idParam) {
        return detail(service.get(IdParam.uuid("id", idParam)));
    }

    private DrawDetail detail(DrawRound d) {
        List<Entry> entries = service.entries(d).stream()
                .map(a -> new Entry(a.id, a.amountFen, vouchers.poolsOf(a.enterpriseUscc), a.status)).toList();
        List<UUID> successful = entries.stream().filter(e -> e.status() != VoucherApplication.Status.NOT_DRAWN
                && e.status() != VoucherApplication.Status.IN_DRAW).map(Entry::applicationId).toList();
        return new DrawDetail(DrawView.of(d), entries, d.budgets, d.drawnOrder,
                d.status == DrawRound.Status.DRAWN ? successful : List.of());
    }
}
