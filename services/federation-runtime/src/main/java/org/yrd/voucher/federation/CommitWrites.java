package org.yrd.voucher.federation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * What a transaction writes last, just before it commits (its outbox events, its audit records, a request's stored
 * answer), sent to the database as one statement: each write becomes a data-modifying part of one {@code WITH}, so the
 * commit costs one round trip for all of them rather than one for each. Nothing is written until then, so a
 * transaction that rolls back leaves none of it. The writes are asked for when the transaction is about to commit,
 * after the business code has run and before Hibernate's own flush.
 * <p>
 * A transaction that never opened a Hibernate session (the money commands, in plain JDBC) also sends its {@code COMMIT}
 * with that statement, in the same round trip: the driver then finds the transaction ended and sends no
 * {@code COMMIT} of its own when the transaction manager commits. Nothing else writes after these writes in such a
 * transaction (Hibernate's flush, which comes after them, has no session to flush), so it stays one transaction. One
 * with a session commits as before, after its session's flush: a change Hibernate holds until its flush must not
 * land after the commit.
 */
@ApplicationScoped
public class CommitWrites {
    private static final Logger LOG = Logger.getLogger(CommitWrites.class);
    /**
     * Where Quarkus keeps a transaction's session of the default persistence unit among the transaction's resources
     * ({@code TransactionScopedSession}); checked when the app starts ({@link #checkSessionKey}). The apps have that
     * unit only: a second one's sessions would have to be looked for as well.
     */
    static final String SESSION_KEY = "TransactionScopedSession-<default>";
    /** One write: an INSERT, UPDATE or DELETE without RETURNING, and its parameters in order. */
    public record Write(String sql, List<Object> params) {
        /**
         * An INSERT of {@code rows} into {@code table} whose text does not depend on how many rows there are: each
         * column is sent as one array of its values as text and cast back to its {@code types} entry, the rows kept in
         * their order. A request's last writes then have a handful of shapes, which the driver prepares and the
         * server plans once per connection, rather than one text per number of rows, parsed and planned each time.
         * A value is a String, Number, UUID, OffsetDateTime, Instant or null.
         */
        public static Write insertRows(String table, List<String> columns, List<String> types, List<List<Object>> rows) {
            StringBuilder select = new StringBuilder();
            StringBuilder arrays = new StringBuilder();
            StringBuilder names = new StringBuilder();
            List<Object> params = new ArrayList<>(columns.size());
            for (int c = 0; c < columns.size(); c++) {
                String sep = c == 0 ? "" : ", ";
                select.append(sep).append("cast(v").append(c).append(" AS ").append(types.get(c)).append(")");
                arrays.append(sep).append("cast(? AS varchar[])");
                names.append(sep).append("v").append(c);
                String[] column = new String[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    column[r] = text(rows.get(r).get(c));
                }
                params.add(column);
            }
            return new Write("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + select
                    + " FROM unnest(" + arrays + ") WITH ORDINALITY AS r(" + names + ", n) ORDER BY n", params);
        }

        private static String text(Object value) {
            if (value == null || value instanceof String) {
                return (String) value;
            }
            if (value instanceof Number || value instanceof UUID || value instanceof Instant) {
                return value.toString();
            }
            if (value instanceof OffsetDateTime t) {
                // seconds always written, and every fraction digit there is: the database keeps exactly this instant
                return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            }
            throw new IllegalArgumentException("no text form for a " + value.getClass().getName());
        }
    }

    private final TransactionSynchronizationRegistry transactions;
    private final TransactionManager transactionManager;
    private final AgroalDataSource db;
    /** Whether {@link #SESSION_KEY} was seen to find a transaction's session: only then is the commit sent along. */
    private volatile boolean commitAlong;

    CommitWrites(TransactionSynchronizationRegistry transactions, TransactionManager transactionManager,
                 AgroalDataSource db) {
        this.transactions = transactions;
        this.transactionManager = transactionManager;
        this.db = db;
    }

    /**
     * Sees whether a transaction's Hibernate session is found under {@link #SESSION_KEY} (a session is opened in a
     * transaction of its own and looked for); until then, and for good if it is not, every transaction commits as
     * usual, after its last writes. An app without Hibernate has no session to miss.
     */
    void checkSessionKey(@Observes StartupEvent start, Instance<EntityManager> entityManagers) {
        if (!entityManagers.isResolvable()) {
            commitAlong = true;
            return;
        }
        boolean found = QuarkusTransaction.requiringNew().call(() -> {
            entityManagers.get().getFlushMode(); // opens the transaction's session
            return transactions.getResource(SESSION_KEY) != null;
        });
        if (!found) {
            LOG.warnf("a transaction's Hibernate session is not kept under %s: every transaction commits on its own",
                    SESSION_KEY);
        }
        commitAlong = found;
    }

    /** Whether transactions without a Hibernate session send their commit with their last writes. */
    public boolean commitsAlong() {
        return commitAlong;
    }

    /** Asks {@code writes} for what to write when the current transaction is about to commit. */
    public void beforeCommit(Supplier<List<Write>> writes) {
        pending().add(writes);
    }

    /**
     * Writes these now, in the current transaction, in one statement: on the transaction's own connection (the pool
     * gives every use within one transaction the same one), without a Hibernate session, so that a transaction whose
     * other statements are plain JDBC as well opens none.
     */
    public void now(List<Write> writes) {
        write(writes, false);
    }

    /** As {@link #now}; with {@code commit}, the transaction's {@code COMMIT} goes in the same round trip. */
    private void write(List<Write> writes, boolean commit) {
        if (writes.isEmpty()) {
            return;
        }
        String sql = commit ? sql(writes) + "; COMMIT" : sql(writes);
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int at = 1;
            for (Write w : writes) {
                for (Object p : w.params()) {
                    s.setObject(at++, p); // a null takes the type of the column it is written to
                }
            }
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("writing at commit: " + sql, e);
        }
    }

    /** One write as it is; several as the parts of one {@code WITH}. */
    static String sql(List<Write> writes) {
        if (writes.size() == 1) {
            return writes.get(0).sql();
        }
        StringBuilder sql = new StringBuilder("WITH ");
        for (int i = 0; i < writes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("w").append(i).append(" AS (").append(writes.get(i).sql()).append(")");
        }
        return sql.append(" SELECT 1").toString();
    }

    @SuppressWarnings("unchecked")
    private List<Supplier<List<Write>>> pending() {
        List<Supplier<List<Write>>> pending = (List<Supplier<List<Write>>>) transactions.getResource(CommitWrites.class);
        if (pending == null) {
            List<Supplier<List<Write>>> fresh = new ArrayList<>();
            transactions.putResource(CommitWrites.class, fresh);
            // a plain (not interposed) synchronization: it runs before Hibernate's, whose own flush then ends the
            // transaction's use of its connection; an interposed one would take a connection again after that
            Synchronization write = new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        List<Write> writes = new ArrayList<>();
                        fresh.forEach(s -> writes.addAll(s.get()));
                        // no session: nothing is written after these, so the commit may go with them
                        write(writes, commitAlong && transactions.getResource(SESSION_KEY) == null);
                    }
                }

                @Override
                public void afterCompletion(int status) {}
            };
            try {
                transactionManager.getTransaction().registerSynchronization(write);
            } catch (RollbackException | SystemException e) {
                throw new IllegalStateException("writes at commit need an active transaction", e);
            }
            pending = fresh;
        }
        return pending;
    }
}
