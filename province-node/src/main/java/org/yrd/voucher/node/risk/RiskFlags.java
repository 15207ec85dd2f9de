package org.yrd.voucher.node.risk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.node.common.ListQuery;

/** Risk flags in the database, and the facts the screening rules read from the redemptions (P13). */
@ApplicationScoped
public class RiskFlags {
    private final EntityManager em;

    RiskFlags(EntityManager em) {
        this.em = em;
    }

    /**
     * Adds the flag unless the same rule already flagged the redemption (a rule fires once per redemption; the
     * unique index backs this); true when added.
     */
    boolean add(RiskFlag f) {
        boolean known = !em.createQuery("SELECT 1 FROM RiskFlag WHERE redemptionId = ?1 AND rule = ?2")
                .setParameter(1, f.redemptionId).setParameter(2, f.rule).getResultList().isEmpty();
        if (!known) {
            em.persist(f);
        }
        return !known;
    }

    public List<RiskFlag> ofRedemption(UUID redemptionId) {
        return em.createQuery("FROM RiskFlag WHERE redemptionId = ?1 ORDER BY raisedAt, rule", RiskFlag.class)
                .setParameter(1, redemptionId).getResultList();
    }

    /**
     * One page of the flags in a state (null for any) raised in the query's days, oldest first; the words find a
     * flag by its redemption's enterprise or provider (USCC or part of the name) or invoice number.
     */
    List<RiskFlag> search(RiskFlag.Status status, ListQuery q, Paging page) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        SELECT f.id FROM risk_flag f JOIN redemption r ON r.id = f.redemption_id
                        LEFT JOIN enterprise e ON e.uscc = r.enterprise_uscc
                        LEFT JOIN provider p ON p.uscc = r.provider_uscc
                        LEFT JOIN provider_registry g ON g.uscc = r.provider_uscc
                        WHERE (:status = '' OR f.status = :status) AND f.raised_at >= :from AND f.raised_at < :before
                          AND (:text = '' OR r.enterprise_uscc = :code OR r.provider_uscc = :code
                               OR r.invoice_no ILIKE :like OR e.name ILIKE :like OR coalesce(p.name, g.name) ILIKE :like)
                        ORDER BY f.raised_at, f.id LIMIT :limit OFFSET :offset""")
                .setParameter("status", status == null ? "" : status.name()).setParameter("from", q.from())
                .setParameter("before", q.before()).setParameter("text", q.text()).setParameter("code", q.code())
                .setParameter("like", q.like()).setParameter("limit", page.limit()).setParameter("offset", page.offset())
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, RiskFlag> found = new HashMap<>();
        em.createQuery("FROM RiskFlag WHERE id IN :ids", RiskFlag.class).setParameter("ids", ids).getResultList()
                .forEach(f -> found.put(f.id, f));
        return ids.stream().map(found::get).toList();
    }

    /** Whom a flagged redemption concerns: its enterprise, its provider and its invoice. */
    public record Parties(String enterpriseUscc, String providerUscc, String invoiceNo) {}

    Map<UUID, Parties> parties(Collection<UUID> redemptionIds) {
        Map<UUID, Parties> parties = new HashMap<>();
        if (!redemptionIds.isEmpty()) {
            em.createQuery("SELECT r.id, r.enterpriseUscc, r.providerUscc, r.invoiceNo FROM Redemption r WHERE r.id IN :ids",
                            Object[].class).setParameter("ids", redemptionIds).getResultList()
                    .forEach(r -> parties.put((UUID) r[0], new Parties((String) r[1], (String) r[2], (String) r[3])));
        }
        return parties;
    }

    RiskFlag lock(UUID id) {
        RiskFlag f = em.find(RiskFlag.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (f == null) {
            throw ProblemException.notFound("risk-flag", id);
        }
        return f;
    }
}
