package org.yrd.voucher.hub.publicity;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import org.yrd.voucher.edge.Atom;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.hub.common.QueryParams;

/** P12 publicity: the YRD-wide notices and typical cases of the four provinces. */
@Path("/api/v1/public/notices")
public class NoticesResource {
    private final YrdNotices notices;

    NoticesResource(YrdNotices notices) {
        this.notices = notices;
    }

    public enum Kind { NOTICE, CASE }

    /** Newest first, a page at a time ({@code limit} 1–500, default 100); by {@code province} and {@code kind}. */
    @PermitAll
    @GET
    public List<YrdNotices.YrdNotice> list(@QueryParam("province") String province, @QueryParam("kind") String kind,
                                           @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        var p = QueryParams.province("province", province);
        Kind k = Params.oneOf("kind", kind, Kind.class);
        Paging page = Paging.of(limit, offset);
        return notices.list(p == null ? null : p.name(), k == null ? null : k.name(), page.limit(), page.offset());
    }

    /** The latest 50 of the whole YRD as an Atom feed (RFC 4287). */
    @PermitAll
    @GET
    @Path("/feed.atom")
    @Produces(Atom.MEDIA_TYPE)
    public String feed(@Context UriInfo uri) {
        var latest = notices.list(null, null, 50, 0);
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        OffsetDateTime updated = latest.isEmpty() ? OffsetDateTime.parse("2022-01-01T00:00:00+08:00")
                : latest.get(0).publishedAt();
        return Atom.feed("urn:yrd:notices:YRD", "长三角科技创新券 · 通知公告与典型案例", base + "/api/v1/public/notices/feed.atom",
                updated, latest.stream().map(n -> new Atom.Entry("urn:yrd:notice:" + n.id(), "[" + n.province() + "] "
                        + n.title(), Atom.summary(n.body()),
                        n.kind() + (n.category() == null ? "" : "/" + n.category()),
                        base + "/api/v1/public/notices?province=" + n.province(), n.publishedAt(), n.publishedAt()))
                        .toList());
    }
}
