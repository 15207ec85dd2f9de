package org.yrd.voucher.hub.risk;

import static org.yrd.voucher.edge.TimeSource.utc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.States;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.federation.Route;
import org.yrd.voucher.hub.common.Provenance;
import org.yrd.voucher.policy.RiskRules;

/**
 * P13 risk prevention at the hub: the rules only the hub can run, because they need every province's filings, and
 * the statistics per rule the task group watches. A rule that fires is sent to the node whose redemption it is,
 * through its inbox; the node's operator decides it there.
 */
@ApplicationScoped
public class RiskWatch {
    private final EntityManager em;
    private final Outbox outbox;

    RiskWatch(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    public record RuleTotals(String rule, long raised, long open, long confirmed, long cleared) {}

    /** A filing's claim stored, then compared with the live claims on the same contract ({@link RiskRules#contractDuplicate}). */
    @Transactional(Transactional.TxType.MANDATORY)
    void filed(Payloads.RedemptionUsage r) {
        if (r.contractHash() == null || r.actualExpenditureFen() == null || r.invoiceHash() == null) {
            return; // a node of an earlier version: nothing to compare
        }
        em.createNativeQuery("""
                        INSERT INTO contract_claim (redemption_id, province, provider_uscc, contract_hash,
                          actual_expenditure_fen, invoice_hash, live, filed_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, true, ?7) ON CONFLICT DO NOTHING""")
                .setParameter(1, UUID.fromString(r.redemptionId())).setParameter(2, r.province())
                .setParameter(3, r.providerUscc()).setParameter(4, r.contractHash())
                .setParameter(5, r.actualExpenditureFen()).setParameter(6, r.invoiceHash())
                .setParameter(7, utc(r.filedAt())).executeUpdate();
        RiskRules.ContractClaim claim = new RiskRules.ContractClaim(r.province(),
                UUID.fromString(r.redemptionId()).toString(), r.providerUscc(),
                r.contractHash(), r.actualExpenditureFen(), r.invoiceHash(), true, r.filedAt());
        RiskRules.contractDuplicate(claim, liveClaims(r.providerUscc(), r.contractHash(), r.actualExpenditureFen()))
                .ifPresent(flag -> outbox.publish(Topics.nodeInbox(r.province()), r.redemptionId(),
                        EventTypes.RISK_FLAGGED_BY_HUB, new Payloads.RiskFlagRaised(r.province(), r.redemptionId(),
                                flag.rule().name(), flag.evidence())));
    }

    /** The live claims on one contract of a provider at one amount, in every province. */
    private List<RiskRules.ContractClaim> liveClaims(String providerUscc, String contractHash, long amountFen) {
        List<?> rows = em.createNativeQuery("""
                        SELECT province, cast(redemption_id AS varchar), invoice_hash, filed_at FROM contract_claim
                        WHERE provider_uscc = ?1 AND contract_hash = ?2 AND actual_expenditure_fen = ?3 AND live""")
                .setParameter(1, providerUscc).setParameter(2, contractHash).setParameter(3, amountFen)
                .getResultList();
        return rows.stream().map(o -> (Object[]) o).map(c -> new RiskRules.ContractClaim((String) c[0], (String) c[1],
                providerUscc, contractHash, amountFen, (String) c[2], true, utc(c[3]).toInstant())).toList();
    }

    /** What the usage stream means to risk: contracts compared across provinces, and the nodes' flags (P13). */
    public Route subscribe(Route usage) {
        return usage.on(EventTypes.REDEMPTION_TRANSITION, Payloads.RedemptionUsage.class, this::transition)
                .on(EventTypes.RISK_FLAG, Payloads.RiskFlagUsage.class, this::flag);
    }

    /** A filing claims its contract; a redemption that ended unpaid no longer does. */
    @Transactional(Transactional.TxType.MANDATORY)
    void transition(CloudEvent e, Payloads.RedemptionUsage r) {
        Provenance.require(e, r.province(), "redemption " + r.redemptionId());
        if (States.FILED.equals(r.status())) {
            filed(r);
        } else if (!States.LIVE.contains(r.status())) {
            em.createNativeQuery("UPDATE contract_claim SET live = false WHERE redemption_id = ?1")
                    .setParameter(1, UUID.fromString(r.redemptionId())).executeUpdate();
        }
    }

    /** Where a node's flag stands; a late, older state does not overwrite a newer one. */
    @Transactional(Transactional.TxType.MANDATORY)
    void flag(CloudEvent e, Payloads.RiskFlagUsage f) {
        Provenance.require(e, f.province(), "risk flag " + f.flagId());
        em.createNativeQuery("""
                        INSERT INTO risk_flag (province, flag_id, redemption_id, rule, source, status, raised_at, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)
                        ON CONFLICT (province, flag_id) DO UPDATE SET status = excluded.status,
                          updated_at = excluded.updated_at WHERE risk_flag.updated_at <= excluded.updated_at""")
                .setParameter(1, f.province()).setParameter(2, UUID.fromString(f.flagId()))
                .setParameter(3, UUID.fromString(f.redemptionId())).setParameter(4, f.rule())
                .setParameter(5, f.source()).setParameter(6, f.status()).setParameter(7, utc(f.at())).executeUpdate();
    }

    /** Flags raised, still open, confirmed and cleared, per rule; every rule listed, optionally one province's. */
    public List<RuleTotals> totals(String province) {
        List<?> rows = em.createNativeQuery("""
                        SELECT rule, count(*), count(*) FILTER (WHERE status = 'OPEN'),
                          count(*) FILTER (WHERE status = 'CONFIRMED'), count(*) FILTER (WHERE status = 'CLEARED')
                        FROM risk_flag WHERE (cast(?1 AS varchar) IS NULL OR province = ?1) GROUP BY rule""")
                .setParameter(1, province).getResultList();
        Map<String, RuleTotals> byRule = new LinkedHashMap<>();
        for (RiskRules.Rule rule : RiskRules.Rule.values()) {
            byRule.put(rule.name(), new RuleTotals(rule.name(), 0, 0, 0, 0));
        }
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            byRule.put((String) r[0], new RuleTotals((String) r[0], n(r[1]), n(r[2]), n(r[3]), n(r[4])));
        }
        return List.copyOf(byRule.values());
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

}
