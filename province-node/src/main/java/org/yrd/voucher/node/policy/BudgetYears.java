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

/** The budget of each year (P6): created from the policy in force, and following each new version of it. */
@ApplicationScoped
public class BudgetYears {
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
        em.createNativeQuery("INSERT INTO budget_year (year, budget_fen) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, year).setParameter(2, policy.annualBudgetFen()).executeUpdate();
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

    private boolean budgetYearExists(int year) {
        return !em.createNativeQuery("SELECT 1 FROM budget_year WHERE year = ?1").setParameter(1, year)
                .getResultList().isEmpty();
    }

    /** A new version's budget for its year, never below what is already issued (P6). */
    void follow(int year, VoucherPolicy policy) {
        int updated = em.createNativeQuery("""
                        UPDATE budget_year SET budget_fen = ?1 WHERE year = ?2 AND issued_fen <= ?1""")
                .setParameter(1, policy.annualBudgetFen()).setParameter(2, year).executeUpdate();
        if (updated == 0 && budgetYearExists(year)) {
            throw ProblemException.refused("budget-below-issued", "P6", year);
        }
    }
}
