package org.yrd.voucher.node.publicity;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yrd.voucher.edge.Atom;
import org.yrd.voucher.edge.IdParam;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.policy.Money;

/** P12 publicity: notices and typical cases, for the public as pages and as an Atom feed. */
@Path("/api/v1")
public class NoticeResource {
    private final NoticeService service;
    private final NodeConfig config;

    NoticeResource(NoticeService service, NodeConfig config) {
        this.service = service;
        this.config = config;
    }

    @Schema(example = "{\"kind\":\"CASE\",\"title\":\"跨省检测：一家杭州企业在上海完成材料检测\",\"body\":\"……\",\"category\":\"TESTING_INSPECTION_CERTIFICATION\",\"expenditureFen\":1200000,\"voucherAmountFen\":600000,\"yrdWide\":true}")
    public record NewNotice(@NotNull Notice.Kind kind, @NotBlank @Size(max = 200) String title,
                            @NotBlank @Size(max = 20000) String body, @Size(max = 64) String category,
                            @PositiveOrZero @Max(Money.MAX_FEN) Long expenditureFen,
                            @PositiveOrZero @Max(Money.MAX_FEN) Long voucherAmountFen, Boolean yrdWide) {}

    public record Withdrawal(@NotBlank @Size(max = 500) String reason) {}

    public record NoticeView(UUID id, Notice.Kind kind, String title, String body, String category, Long expenditureFen,
                             Long voucherAmountFen, boolean yrdWide, OffsetDateTime publishedAt, String publishedBy,
                             OffsetDateTime withdrawnAt, String withdrawnReason) {
        static NoticeView of(Notice n) {
            return new NoticeView(n.id, n.kind, n.title, n.body, n.category, n.expenditureFen, n.voucherAmountFen,
                    n.yrdWide, n.publishedAt, n.publishedBy, n.withdrawnAt, n.withdrawnReason);
        }
    }

    /** What the public reads: no names of officers. */
    public record PublicNotice(UUID id, Notice.Kind kind, String title, String body, String category,
                               Long expenditureFen, Long voucherAmountFen, boolean yrdWide, OffsetDateTime publishedAt) {
        static PublicNotice of(Notice n) {
            return new PublicNotice(n.id, n.kind, n.title, n.body, n.category, n.expenditureFen, n.voucherAmountFen,
                    n.yrdWide, n.publishedAt);
        }
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/notices")
    @Extension(name = ProblemResponses.ANSWERS, value = "201")
    public Response publish(@NotNull @Valid NewNotice body) {
        Notice n = service.publish(new NoticeService.Draft(body.kind(), body.title(), body.body(), body.category(),
                body.expenditureFen(), body.voucherAmountFen(), Boolean.TRUE.equals(body.yrdWide())));
        return Response.status(201).entity(NoticeView.of(n)).build();
    }

    @RolesAllowed(Roles.OPERATOR)
    @GET
    @Path("/operator/notices")
    public List<NoticeView> all(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return service.all(Paging.of(limit, offset)).stream().map(NoticeView::of).toList();
    }

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/notices/{id}/withdraw")
    @Extension(name = ProblemResponses.ANSWERS, value = "409")
    public NoticeView withdraw(@PathParam("id") String idParam, @NotNull @Valid Withdrawal body) {
        return NoticeView.of(service.withdraw(IdParam.uuid("id", idParam), body.reason()));
    }

    /** Published notices and typical cases, newest first, a page at a time; {@code kind=CASE} for the cases. */
    @PermitAll
    @GET
    @Path("/public/notices")
    public List<PublicNotice> published(@QueryParam("kind") String kind, @QueryParam("limit") String limit,
                                        @QueryParam("offset") String offset) {
        Paging page = Paging.of(limit, offset);
        return service.published(Params.oneOf("kind", kind, Notice.Kind.class), page).stream()
                .map(PublicNotice::of).toList();
    }

    @PermitAll
    @GET
    @Path("/public/notices/{id}")
    public PublicNotice one(@PathParam("id") String idParam) {
        return PublicNotice.of(service.published(IdParam.uuid("id", idParam)));
    }

    /** The latest 50 as an Atom feed (RFC 4287). */
    @PermitAll
    @GET
    @Path("/public/notices.atom")
    @Produces(Atom.MEDIA_TYPE)
    public String feed(@Context UriInfo uri) {
        List<Notice> latest = service.published(null, new Paging(50, 0));
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        OffsetDateTime updated = latest.isEmpty() ? OffsetDateTime.parse("2022-01-01T00:00:00+08:00")
                : latest.get(0).publishedAt;
        return Atom.feed("urn:yrd:notices:" + config.province().name(),
                config.province().nameZh() + "科技创新券 · 通知公告与典型案例", base + "/api/v1/public/notices.atom", updated,
                latest.stream().map(n -> new Atom.Entry("urn:yrd:notice:" + n.id, n.title, Atom.summary(n.body),
                        n.kind + (n.category == null ? "" : "/" + n.category), base + "/api/v1/public/notices/" + n.id,
                        n.publishedAt, n.publishedAt)).toList());
    }
}
