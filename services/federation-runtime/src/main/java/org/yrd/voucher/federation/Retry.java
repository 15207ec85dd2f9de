package org.yrd.voucher.federation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.jboss.logging.Logger;

/**
 * Which failures pass (the database away or busy, a deadlock, a serialisation failure, a lock timeout) and are worth
 * another attempt in a fresh transaction, as opposed to those an event causes itself (a value out of bounds, a
 * constraint), which no attempt will mend. {@link Intake} retries the passing ones without end.
 */
public final class Retry {
    private static final Logger LOG = Logger.getLogger(Retry.class);
    private static final int ATTEMPTS = 8;

    private Retry() {}

    /** Runs {@code work} in a new transaction, again (up to 8 times) after a passing failure; others propagate. */
    public static void inTransaction(Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(work);
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !passing(e)) {
                    throw e;
                }
                LOG.debugf("passing failure (%s), attempt %d of %d", e.toString(), attempt, ATTEMPTS);
                if (!sleep(10L * attempt * attempt)) {
                    throw e;
                }
            }
        }
    }

    /**
     * A failure another attempt may not meet: SQLSTATE classes 08 (connection), 40 (transaction rollback:
     * serialisation failure, deadlock), 53 (insufficient resources), 57 (operator intervention, e.g. the server
     * shutting down), 58 (system error), 55P03 (lock not available), a pool that could not hand out a connection
     * (no SQLSTATE), or a lock or query timeout.
     */
    public static boolean passing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException
                    || t instanceof OptimisticLockException || t instanceof QueryTimeoutException
                    || t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57") || state.startsWith("58") || state.equals("55P03")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * The database rolled the transaction back for its own reasons (SQLSTATE class 40: a deadlock, a serialisation
     * failure): nothing of it stays, and the same work in a new transaction may well pass.
     */
    public static boolean rolledBack(Throwable e) {
        return sqlState(e, state -> state.startsWith("40"));
    }

    /** The database refused the content itself: a value it cannot hold (SQLSTATE class 22) or a constraint (23). */
    public static boolean contentRefused(Throwable e) {
        return sqlState(e, state -> state.startsWith("22") || state.startsWith("23"));
    }

    /** Whether a database failure in {@code e}'s cause chain has a SQLSTATE that {@code matches}. */
    private static boolean sqlState(Throwable e, java.util.function.Predicate<String> matches) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && matches.test(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, in one line: what a person looking at a quarantined event needs. */
    public static String summary(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + ": " + m;
    }

    /** Sleeps; false if interrupted (the app is stopping). */
    static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
