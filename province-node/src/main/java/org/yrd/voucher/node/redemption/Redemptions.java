package org.yrd.voucher.node.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.node.common.ListQuery;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.policy.RedemptionStatus;

/** Redemptions in the database: the one owner of the {@code redemption} table, its queries and its row locks. */
@ApplicationScoped
public class Redemptions {
    private final EntityManager em;

    Redemptions(EntityManager em) {
        this.em = em;
    }

    /** The redemption under its row lock, or 404. */
    public Redemption lock(UUID id) {
        Redemption r = lockIfAny(id);
        if (r == null) {
            throw ProblemException.notFound("redemption", id);
        }
        return r;
    }

    /** The redemption under its row lock, or null if there is none. */
    Redemption lockIfAny(UUID id) {
        return em.find(Redemption.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Filed redemptions no provider answered before {@code cutoff}, locked; busy ones wait for the next run. */
    List<Redemption> lockUnconfirmedSince(OffsetDateTime cutoff, int max) {
        return em.createQuery("from Redemption where status = :s and filedAt < :cutoff", Redemption.class)
                .setParameter("s", RedemptionStatus.FILED).setParameter("cutoff", cutoff)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .setMaxResults(max).getResultList();
    }

    public Redemption get(UUID id) {
        Redemption r = em.find(Redemption.class, id);
        if (r == null) {
            throw ProblemException.notFound("redemption", id);
        }
        return r;
    }

    /** One page of an enterprise's redemptions, oldest filing first. */
    public List<Redemption> ofEnterprise(String uscc, Paging page) {
        return page(em.createQuery("from Redemption where enterpriseUscc = ?1 order by filedAt, id", Redemption.class)
                .setParameter(1, uscc), page);
    }

    /** One page of the redemptions filed with a provider of this province, oldest filing first. */
    public List<Redemption> ofProvider(String uscc, Paging page) {
        return page(em.createQuery("from Redemption where providerUscc = ?1 order by filedAt, id", Redemption.class)
                .setParameter(1, uscc), page);
    }

    /** One page, oldest filing first; the id breaks ties so that pages neither skip nor repeat a row. */
    public List<Redemption> withStatus(RedemptionStatus status, Paging page) {
        var query = status == null ? em.createQuery("from Redemption order by filedAt, id", Redemption.class)
                : em.createQuery("from Redemption where status = ?1 order by filedAt, id", Redemption.class)
                .setParameter(1, status);
        return page(query, page);
    }

    /**
     * What an operator looks for: a state, a day range of filing (inclusive, days in the programme's time zone), and
     * text that is an enterprise's or provider's USCC, or part of its name, of the invoice or of the contract number.
     */
    /** A state (null for any), and the words and filing days of {@link ListQuery}. */
    public record Search(RedemptionStatus status, ListQuery query) {}

    /** One page of the redemptions a search finds, oldest filing first. */
    public List<Redemption> search(Search s, Paging page) {
        ListQuery q = s.query();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        SELECT r.id FROM redemption r
                        LEFT JOIN enterprise e ON e.uscc = r.enterprise_uscc
                        LEFT JOIN provider p ON p.uscc = r.provider_uscc
                        LEFT JOIN provider_registry g ON g.uscc = r.provider_uscc
                        WHERE (:status = '' OR r.status = :status)
                          AND r.filed_at >= :from AND r.filed_at < :before
                          AND (:text = '' OR r.enterprise_uscc = :code OR r.provider_uscc = :code
                               OR r.invoice_no ILIKE :like OR r.contract_no ILIKE :like OR e.name ILIKE :like
                               OR coalesce(p.name, g.name) ILIKE :like)
                        ORDER BY r.filed_at, r.id LIMIT :limit OFFSET :offset""")
                .setParameter("status", s.status() == null ? "" : s.status().name()).setParameter("text", q.text())
                .setParameter("code", q.code()).setParameter("like", q.like()).setParameter("from", q.from())
                .setParameter("before", q.before())
                .setParameter("limit", page.limit()).setParameter("offset", page.offset()).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Map<UUID, Redemption> found = new java.util.HashMap<>();
        em.createQuery("from Redemption where id in :ids", Redemption.class).setParameter("ids", ids).getResultList()
                .forEach(r -> found.put(r.id, r));
        return ids.stream().map(found::get).toList();
    }

    private static List<Redemption> page(jakarta.persistence.TypedQuery<Redemption> query, Paging page) {
        return query.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
    }
}
