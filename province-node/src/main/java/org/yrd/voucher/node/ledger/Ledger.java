package org.yrd.voucher.node.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.yrd.voucher.node.voucher.Voucher;
import org.yrd.voucher.policy.LedgerBalance;

/** Append-only money movements and the reconciliation of the budget against them. */
@ApplicationScoped
public class Ledger {
    private final EntityManager em;
    private final Clock clock;

    Ledger(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public void record(LedgerEntry.Kind kind, long amountFen, Voucher voucher, UUID redemptionId, int policyVersion) {
        if (amountFen <= 0) {
            return;
        }
        LedgerEntry e = new LedgerEntry();
        e.at = OffsetDateTime.now(clock);
        e.kind = kind;
        e.amountFen = amountFen;
        e.budgetYear = voucher.budgetYear;
        e.voucherId = voucher.id;
        e.redemptionId = redemptionId;
        e.policyVersion = policyVersion;
        em.persist(e);
    }

    /** One year's budget as the ledger sees it, beside the same split read from the vouchers themselves. */
    public record Report(int year, LedgerBalance fromLedger, LedgerBalance fromVouchers, long budgetIssuedFen,
                         boolean reconciles) {}

    public Report report(int year) {
        Object[] budget = (Object[]) em.createNativeQuery("""
                        SELECT coalesce(max(budget_fen), 0), coalesce(max(issued_fen), 0)
                        FROM budget_year WHERE year = ?1""")
                .setParameter(1, year).getSingleResult();
        long budgetFen = ((Number) budget[0]).longValue();
        long budgetIssued = ((Number) budget[1]).longValue();
        Object[] l = (Object[]) em.createNativeQuery("""
                        SELECT coalesce(sum(amount_fen) FILTER (WHERE kind = 'ISSUE'), 0),
                               coalesce(sum(amount_fen) FILTER (WHERE kind = 'HOLD'), 0),
                               coalesce(sum(amount_fen) FILTER (WHERE kind = 'RELEASE'), 0),
                               coalesce(sum(amount_fen) FILTER (WHERE kind = 'REDEEM'), 0),
                               coalesce(sum(amount_fen) FILTER (WHERE kind = 'EXPIRE'), 0)
                        FROM ledger_entry WHERE budget_year = ?1""")
                .setParameter(1, year).getSingleResult();
        long issue = n(l[0]), hold = n(l[1]), release = n(l[2]), redeem = n(l[3]), expire = n(l[4]);
        var fromLedger = new LedgerBalance(budgetFen, issue, issue - hold + release - expire,
                hold - release - redeem, redeem, expire);
        Object[] v = (Object[]) em.createNativeQuery("""
                        SELECT coalesce(sum(face_value_fen), 0), coalesce(sum(held_fen), 0),
                               coalesce(sum(redeemed_fen), 0), coalesce(sum(expired_fen), 0)
                        FROM voucher WHERE budget_year = ?1""")
                .setParameter(1, year).getSingleResult();
        long face = n(v[0]), held = n(v[1]), redeemed = n(v[2]), expired = n(v[3]);
        var fromVouchers = new LedgerBalance(budgetFen, face, face - held - redeemed - expired, held, redeemed, expired);
        boolean reconciles = fromLedger.reconciles() && fromLedger.equals(fromVouchers) && budgetIssued == issue;
        return new Report(year, fromLedger, fromVouchers, budgetIssued, reconciles);
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
