package org.yrd.voucher.node.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.node.common.ListQuery;
import org.yrd.voucher.edge.ProblemException;

/** Public reports in the database. */
@ApplicationScoped
public class PublicReports {
    private final EntityManager em;

    PublicReports(EntityManager em) {
        this.em = em;
    }

    public record MonthCount(String month, PublicReport.Status status, long count) {}

    void add(PublicReport r) {
        em.persist(r);
    }

    /**
     * How many reports this reporter filed in ({@code from}, {@code to}], counted under a lock on the reporter's key so that
     * parallel reports from one address cannot all slip under the limit.
     */
    long countWithin(String reporterKey, OffsetDateTime from, OffsetDateTime to) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))").setParameter(1, reporterKey)
                .getSingleResult();
        return ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM public_report WHERE reporter_key = ?1 AND received_at > ?2 AND received_at <= ?3")
                .setParameter(1, reporterKey).setParameter(2, from).setParameter(3, to).getSingleResult()).longValue();
    }

    PublicReport lock(UUID id) {
        PublicReport r = em.find(PublicReport.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ProblemException.notFound("public-report", id);
        }
        return r;
    }

    List<PublicReport> list(PublicReport.Status status, ListQuery q, Paging page) {
        return em.createQuery("""
                        FROM PublicReport r WHERE (:status IS NULL OR r.status = :status)
                          AND r.receivedAt >= :from AND r.receivedAt < :before
                          AND (:text = '' OR upper(r.subject) = :code OR r.description ILIKE :like
                               OR EXISTS (FROM Enterprise e WHERE e.uscc = r.subject AND e.name ILIKE :like)
                               OR EXISTS (FROM Provider p WHERE p.uscc = r.subject AND p.name ILIKE :like))
                        ORDER BY r.receivedAt, r.id""", PublicReport.class)
                .setParameter("status", status).setParameter("from", q.from()).setParameter("before", q.before())
                .setParameter("text", q.text()).setParameter("code", q.code()).setParameter("like", q.like())
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
    }

    /** Reports per month received (Asia/Shanghai) and where they stand, newest month first. */
    List<MonthCount> perMonth() {
        List<?> rows = em.createNativeQuery("""
                        SELECT to_char(received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, status, count(*)
                        FROM public_report GROUP BY 1, 2 ORDER BY 1 DESC, 2""").getResultList();
        return rows.stream().map(o -> (Object[]) o).map(r -> new MonthCount((String) r[0],
                PublicReport.Status.valueOf((String) r[1]), ((Number) r[2]).longValue())).toList();
    }
}
