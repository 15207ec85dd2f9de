package org.yrd.voucher.node.credit;

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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.yrd.voucher.edge.Caller;
import org.yrd.voucher.edge.IdParam;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.edge.UsccParam;

@Path("/api/v1")
public class NegativeListResource {
    private final NegativeList negativeList;

    private final Caller caller;
    private final YrdCredit yrdCredit;

    NegativeListResource(NegativeList negativeList, Caller caller, YrdCredit yrdCredit) {
        this.negativeList = negativeList;
        this.caller = caller;
        this.yrdCredit = yrdCredit;
    }

    /**
     * P13 joint punishment, disclosed: the YRD negative list this node enforces, every province's entries with the
     * province that listed the party.
     */
    @PermitAll
    @GET
    @Path("/public/yrd-negative-list")
    public List<YrdCredit.YrdEntry> yrdList() {
        return yrdCredit.enforced();
    }

    public record AddEntry(@NotBlank @Size(max = 18) String partyUscc, @NotNull NegativeListEntry.PartyKind partyKind,
                           @Size(max = 200) String partyName, @NotBlank @Size(max = 500) String reason,
                           LocalDate startsOn, LocalDate endsOn) {}

    public record EndEntry(@NotBlank @Size(max = 500) String reason) {}

    /** What the operator sees: every entry with who listed and ended it. */
    public record EntryView(UUID id, String partyUscc, NegativeListEntry.PartyKind partyKind, String partyName,
                            String reason, LocalDate startsOn, LocalDate endsOn, String listedBy,
                            java.time.OffsetDateTime endedAt, String endedReason, java.time.OffsetDateTime endRequestedAt,
                            String endRequestedBy, String endRequestedReason, String endedBy) {
        static EntryView of(NegativeListEntry e) {
            return new EntryView(e.id, e.partyUscc, e.partyKind, e.partyName, e.reason, e.startsOn, e.endsOn,
                    e.listedBy, e.endedAt, e.endedReason, e.endRequestedAt, e.endRequestedBy, e.endRequestedReason,
                    e.endedBy);
        }
    }

    /** What the public sees (P13 disclosure). */
    public record PublicEntry(String partyUscc, NegativeListEntry.PartyKind partyKind, String partyName, String reason,
                              LocalDate startsOn, LocalDate endsOn) {}

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/negative-list")
    @Extension(name = ProblemResponses.ANSWERS, value = "201")
    public Response add(@NotNull @Valid AddEntry body) {
        UsccParam.require("partyUscc", body.partyUscc());
        var e = negativeList.add(body.partyUscc(), body.partyKind(), body.partyName(), body.reason(), body.startsOn(),
                body.endsOn(), caller.actor().label());
        return Response.status(201).entity(EntryView.of(e)).build();
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/negative-list/{id}/end")
    @Extension(name = ProblemResponses.ANSWERS, value = "409")
    public EntryView end(@PathParam("id") String idParam, @NotNull @Valid EndEntry body) {
        return EntryView.of(negativeList.requestEnd(IdParam.uuid("id", idParam), body.reason()));
    }

    /** P13 maker-checker: a second operator ends the entry as the first asked. */
    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/operator/negative-list/{id}/end/confirm")
    @Extension(name = ProblemResponses.ANSWERS, value = "409")
    public EntryView confirmEnd(@PathParam("id") String idParam) {
        return EntryView.of(negativeList.confirmEnd(IdParam.uuid("id", idParam)));
    }

    @RolesAllowed(Roles.OPERATOR)
    @GET
    @Path("/operator/negative-list")
    public List<EntryView> all() {
        return negativeList.all().stream().map(EntryView::of).toList();
    }

    @PermitAll
    @GET
    @Path("/public/negative-list")
    public List<PublicEntry> current() {
        return negativeList.inForce().stream()
                .map(e -> new PublicEntry(e.partyUscc, e.partyKind, e.partyName, e.reason, e.startsOn, e.endsOn))
                .toList();
    }
}
