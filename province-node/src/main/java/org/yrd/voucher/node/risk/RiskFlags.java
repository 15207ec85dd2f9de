package org.yrd.voucher.node.risk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.ProblemException;
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

    List<RiskFlag> withStatus(RiskFlag.Status status, Paging page) {
        String where = status == null ? "" : "WHERE status = ?1 ";
        var q = em.createQuery("FROM RiskFlag " + where + "ORDER BY raisedAt, id", RiskFlag.class);
        if (status != null) {
            q.setParameter(1, status);
        }
        return q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
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
