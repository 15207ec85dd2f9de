package org.yrd.voucher.node.ledger;

import org.yrd.voucher.node.audit.Audit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.policy.LedgerBalance;

/** Append-only money movements and the reconciliation of the budget against them. */
@ApplicationScoped
public class Ledger {
    private final EntityManager em;
    private final Clock clock;
    private final Outbox outbox;
    private final NodeConfig config;

    private final Audit audit;

    Ledger(EntityManager em, Clock clock, Outbox outbox, NodeConfig config, Audit audit) {
        this.audit = audit;
        this.em = em;
        this.clock = clock;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * Records each movement, in the caller's transaction; issues and expiries also go to the hub (P8 data
     * aggregation), even an expiry of nothing, so that the hub sees every voucher end. A movement of nothing
     * leaves no ledger entry.
     */
    public void record(Movement... movements) {
        for (Movement m : movements) {
            if (m.amountFen() > 0) {
                LedgerEntry e = new LedgerEntry();
                e.at = OffsetDateTime.now(clock);
                e.kind = m.kind();
                e.amountFen = m.amountFen();
                e.budgetYear = m.budgetYear();
                e.voucherId = m.voucherId();
                e.redemptionId = m.redemptionId();
                e.policyVersion = m.policyVersion();
                em.persist(e);
            }
            recorded(m);
        }
    }

    /**
     * What follows a movement whose ledger entry is written (by {@link #record}, or by a guarded statement of the
     * money path in the same transaction): its audit record and, for issues and expiries, its event for the hub.
     */
    public void recorded(Movement m) {
        if (m.amountFen() > 0) {
            // every money movement is in the audit trail, with whoever caused it
            audit.record("ledger." + m.kind().name().toLowerCase(java.util.Locale.ROOT), m.voucherId(),
                    "recorded", m.amountFen(), m.redemptionId() == null ? null : "redemption " + m.redemptionId());
        }
        String type = switch (m.kind()) {
            case ISSUE -> EventTypes.VOUCHER_ISSUED;
            case EXPIRE -> EventTypes.VOUCHER_EXPIRED;
            default -> null; // holds, releases and payments reach the hub as redemption transitions
        };
        if (type != null) {
            outbox.publish(Topics.USAGE, m.voucherId().toString(), type, new Payloads.VoucherUsage(
                    config.province().name(), m.voucherId().toString(), m.enterpriseUscc(), m.amountFen(),
                    m.budgetYear(), clock.instant(), m.districtCode()));
        }
    }

    /** One year's budget as the ledger sees it, beside the same split read from the vouchers themselves. */
    public record Report(int year, LedgerBalance fromLedger, LedgerBalance fromVouchers, long budgetIssuedFen,
                         boolean reconciles) {}

    public Report report(int year) {
        return report(year, null);
    }

    /**
     * P10: one pool's year ({@code pool} a city or district code), or the province's ({@code null}): a pool's
     * budget against the money of the vouchers issued from it.
     */
    public Report report(int year, String pool) {
        Object[] budget = (Object[]) em.createNativeQuery(pool == null ? """
                        SELECT coalesce(max(budget_fen), 0), coalesce(max(issued_fen), 0)
                        FROM budget_year_total WHERE year = ?1 AND cast(?2 AS varchar) IS NULL""" : """
                        SELECT coalesce(max(budget_fen), 0), coalesce(max(issued_fen), 0)
                        FROM pool_year WHERE year = ?1 AND code = ?2""")
                .setParameter(1, year).setParameter(2, pool).getSingleResult();
        long budgetFen = ((Number) budget[0]).longValue();
        long budgetIssued = ((Number) budget[1]).longValue();
        Object[] l = (Object[]) em.createNativeQuery("""
                        SELECT coalesce(sum(amount_fen) FILTER (WHERE kind = 'ISSUE'), 0),
                               coalesce(sum(amount_fen) FILTER (WHERE kind = 'HOLD'), 0),
                               coalesce(sum(amount_fen) FILTER (WHERE kind = 'RELEASE'), 0),
                               coalesce(sum(amount_fen) FILTER (WHERE kind = 'REDEEM'), 0),
                               coalesce(sum(amount_fen) FILTER (WHERE kind = 'EXPIRE'), 0)
                        FROM ledger_entry WHERE budget_year = ?1 AND (cast(?2 AS varchar) IS NULL OR voucher_id IN
                          (SELECT id FROM voucher WHERE budget_year = ?1 AND ',' || pools || ',' LIKE '%,' || ?2 || ',%'))""")
                .setParameter(1, year).setParameter(2, pool).getSingleResult();
        long issue = n(l[0]), hold = n(l[1]), release = n(l[2]), redeem = n(l[3]), expire = n(l[4]);
        var fromLedger = new LedgerBalance(budgetFen, issue, issue - hold + release - expire,
                hold - release - redeem, redeem, expire);
        Object[] v = (Object[]) em.createNativeQuery("""
                        SELECT coalesce(sum(face_value_fen), 0), coalesce(sum(held_fen), 0),
                               coalesce(sum(redeemed_fen), 0), coalesce(sum(expired_fen), 0)
                        FROM voucher WHERE budget_year = ?1
                          AND (cast(?2 AS varchar) IS NULL OR ',' || pools || ',' LIKE '%,' || ?2 || ',%')""")
                .setParameter(1, year).setParameter(2, pool).getSingleResult();
        long face = n(v[0]), held = n(v[1]), redeemed = n(v[2]), expired = n(v[3]);
        var fromVouchers = new LedgerBalance(budgetFen, face, face - held - redeemed - expired, held, redeemed, expired);
        boolean reconciles = fromLedger.reconciles() && fromLedger.equals(fromVouchers) && budgetIssued == issue;
        return new Report(year, fromLedger, fromVouchers, budgetIssued, reconciles);
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
