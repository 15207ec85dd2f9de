package org.yrd.voucher.node.risk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.node.common.ListQuery;
import org.yrd.voucher.events.States;
import org.yrd.voucher.policy.RiskRules;

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

    /** The same enterprise's live filings with the same provider since {@code since}, other than {@code except}. */
    List<RiskRules.Prior> priors(String enterpriseUscc, String providerUscc, UUID except, OffsetDateTime since) {
        List<?> rows = em.createNativeQuery("""
                        SELECT cast(id AS varchar), voucher_amount_fen FROM redemption
                        WHERE enterprise_uscc = ?1 AND provider_uscc = ?2 AND id <> ?3 AND filed_at >= ?4
                          AND status = ANY(cast(?5 AS varchar[])) ORDER BY filed_at""")
                .setParameter(1, enterpriseUscc).setParameter(2, providerUscc).setParameter(3, except)
                .setParameter(4, since).setParameter(5, States.sql(States.LIVE)).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new RiskRules.Prior((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    /**
     * The provider's live voucher income at this node in the budget year, and the part of it from the enterprise's
     * group (its parent company and all its subsidiaries, or the enterprise alone).
     */
    long[] income(String providerUscc, int year, String enterpriseUscc) {
        // the total from the covering index alone; the group's part through the group's own enterprises (V20)
        Object[] row = (Object[]) em.createNativeQuery("""
                        WITH grp AS (SELECT coalesce(parent_uscc, uscc) AS g FROM enterprise WHERE uscc = ?3)
                        SELECT (SELECT coalesce(sum(voucher_amount_fen), 0) FROM redemption
                                 WHERE provider_uscc = ?1 AND budget_year = ?2 AND status = ANY(cast(?4 AS varchar[]))),
                               (SELECT coalesce(sum(r.voucher_amount_fen), 0)
                                 FROM grp, enterprise m JOIN redemption r ON r.enterprise_uscc = m.uscc AND r.provider_uscc = ?1
                                 WHERE (m.parent_uscc = grp.g OR (m.uscc = grp.g AND m.parent_uscc IS NULL))
                                   AND r.budget_year = ?2 AND r.status = ANY(cast(?4 AS varchar[])))""")
                .setParameter(1, providerUscc).setParameter(2, year).setParameter(3, enterpriseUscc)
                .setParameter(4, States.sql(States.LIVE)).getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }
}
