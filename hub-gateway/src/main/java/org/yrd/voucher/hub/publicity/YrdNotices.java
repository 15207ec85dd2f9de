package org.yrd.voucher.hub.publicity;

import static org.yrd.voucher.edge.TimeSource.utc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.federation.Route;
import org.yrd.voucher.hub.common.Provenance;

/** P12 publicity: the YRD-wide notices and typical cases of every province, as the hub lists them. */
@ApplicationScoped
public class YrdNotices {
    private final EntityManager em;

    YrdNotices(EntityManager em) {
        this.em = em;
    }

    public record YrdNotice(String province, UUID id, String kind, String title, String body, String category,
                            Long expenditureFen, Long voucherAmountFen, OffsetDateTime publishedAt) {}

    /** The usage stream's notices and typical cases (P12). */
    public Route subscribe(Route usage) {
        return usage.on(EventTypes.NOTICE_PUBLISHED, Payloads.NoticePublished.class, this::published);
    }

    /** A province published or withdrew one; a withdrawal stays withdrawn. */
    @Transactional(Transactional.TxType.MANDATORY)
    void published(CloudEvent e, Payloads.NoticePublished n) {
        Provenance.require(e, n.province(), "notice " + n.noticeId());
        em.createNativeQuery("""
                        INSERT INTO notice (province, notice_id, kind, title, body, category, expenditure_fen,
                          voucher_amount_fen, published_at, withdrawn_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        ON CONFLICT (province, notice_id) DO UPDATE
                          SET withdrawn_at = coalesce(notice.withdrawn_at, excluded.withdrawn_at)""")
                .setParameter(1, n.province()).setParameter(2, UUID.fromString(n.noticeId())).setParameter(3, n.kind())
                .setParameter(4, n.title()).setParameter(5, n.body()).setParameter(6, n.category())
                .setParameter(7, n.expenditureFen()).setParameter(8, n.voucherAmountFen())
                .setParameter(9, utc(n.publishedAt())).setParameter(10, utc(n.withdrawnAt())).executeUpdate();
    }

    /** Newest first; {@code province} and {@code kind} null: all. */
    public List<YrdNotice> list(String province, String kind, int limit, int offset) {
        List<?> rows = em.createNativeQuery("""
                        SELECT province, notice_id, kind, title, body, category, expenditure_fen, voucher_amount_fen,
                          published_at
                        FROM notice WHERE withdrawn_at IS NULL
                          AND (cast(?1 AS varchar) IS NULL OR province = ?1) AND (cast(?2 AS varchar) IS NULL OR kind = ?2)
                        ORDER BY published_at DESC, notice_id LIMIT ?3 OFFSET ?4""")
                .setParameter(1, province).setParameter(2, kind).setParameter(3, limit).setParameter(4, offset)
                .getResultList();
        return rows.stream().map(o -> (Object[]) o).map(r -> new YrdNotice((String) r[0], (UUID) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], r[6] == null ? null : ((Number) r[6]).longValue(),
                r[7] == null ? null : ((Number) r[7]).longValue(), TimeSource.utc(r[8]))).toList();
    }

}
