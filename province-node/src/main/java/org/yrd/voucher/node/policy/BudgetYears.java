package org.yrd.voucher.node.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.policy.VoucherPolicy;

/**
 * The budget of each year (P6): created from the policy in force, and following each new version of it. It is held
 * in {@value #SHARES} shares ({@code budget_share}), which issuing takes from (node {@code Vouchers.takeBudget}).
 */
@ApplicationScoped
public class BudgetYears {
    /** Shares of a year's budget: enough that concurrent issues rarely meet on one row. */
    public static final int SHARES = 8;
    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    /** Budget years known to exist (committed), so issuing does not ask again. */
    private final Set<Integer> known = ConcurrentHashMap.newKeySet();

    BudgetYears(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /**
     * Creates the year's budget row from the policy in force, in the caller's transaction (a nested one
     * would need a second pooled connection per request). Remembered once that transaction commits.
     */
    public void ensure(int year, VoucherPolicy policy) {
        if (known.contains(year)) {
            return;
        }
        // the year and its shares together; a year that exists already has its shares
        em.createNativeQuery("""
                        WITH y AS (INSERT INTO budget_year (year, budget_fen) VALUES (?1, ?2) ON CONFLICT DO NOTHING
                                   RETURNING year, budget_fen)
                        INSERT INTO budget_share (year, shard, budget_fen)
                        SELECT y.year, s, y.budget_fen / ?3 + CASE WHEN s = 0 THEN y.budget_fen % ?3 ELSE 0 END
                        FROM y, generate_series(0, ?3 - 1) s""")
                .setParameter(1, year).setParameter(2, policy.annualBudgetFen()).setParameter(3, SHARES).executeUpdate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    known.add(year);
                }
            }
        });
    }

    /**
     * A new version's budget for its year, never below what is already issued (P6): the shares, locked in order,
     * each keep what they issued and what is left is split evenly among them again.
     */
    void follow(int year, VoucherPolicy policy) {
        long budget = policy.annualBudgetFen();
        Object issued = em.createNativeQuery("""
                        SELECT sum(issued_fen) FROM (SELECT issued_fen FROM budget_share WHERE year = ?1
                                                     ORDER BY shard FOR UPDATE) s""")
                .setParameter(1, year).getSingleResult();
        if (issued == null) {
            return; // the year has no budget yet: it is created from the policy in force when first issued from
        }
        long free = budget - ((Number) issued).longValue();
        if (free < 0) {
            throw ProblemException.refused("budget-below-issued", "P6", year);
        }
        em.createNativeQuery("""
                        UPDATE budget_share SET budget_fen = issued_fen + ?2 / ?3 + CASE WHEN shard = 0 THEN ?2 % ?3 ELSE 0 END
                        WHERE year = ?1""")
                .setParameter(1, year).setParameter(2, free).setParameter(3, (long) SHARES).executeUpdate();
        em.createNativeQuery("UPDATE budget_year SET budget_fen = ?1 WHERE year = ?2")
                .setParameter(1, budget).setParameter(2, year).executeUpdate();
    }
}
