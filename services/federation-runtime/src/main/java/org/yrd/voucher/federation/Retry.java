package org.yrd.voucher.federation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * Runs a consumer's batch in one transaction, again if the database reports a transient conflict
 * (deadlock, serialisation failure, lock timeout). Anything else propagates, so the message stays
 * unacknowledged and the channel stops rather than lose it.
 */
public final class Retry {
    private static final Logger LOG = Logger.getLogger(Retry.class);
    private static final int ATTEMPTS = 8;

    private Retry() {}

    public static void inTransaction(Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(work);
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !transient_(e)) {
                    throw e;
                }
                LOG.debugf("transient conflict (%s), attempt %d of %d", e.toString(), attempt, ATTEMPTS);
                try {
                    Thread.sleep(10L * attempt * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    static boolean transient_(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException
                    || t instanceof OptimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().equals("40P01") || sql.getSQLState().equals("40001"))) {
                return true;
            }
        }
        return false;
    }
}
