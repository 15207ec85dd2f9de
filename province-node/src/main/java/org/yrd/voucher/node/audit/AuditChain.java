package org.yrd.voucher.node.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.yrd.voucher.edge.Actor;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.federation.CommitWrites;
import org.yrd.voucher.node.common.NodeConfig;

/**
 * The chainer: gives each committed record waiting in {@code audit_pending} its place in the chain, in the order
 * it takes them, with SHA-256 over its content and the previous record's hash ({@link Audit#hash}), in one
 * transaction per batch that moves the batch into {@code audit_record} and the chain's end on.
 * <p>
 * It is the only writer that locks the chain's end, so the transactions that record decisions and money never wait
 * for one another there. It runs shortly after each commit that wrote records ({@link #soon}: after
 * {@code node.audit.link-after}, 50 ms, so that one run links what the commits of that moment wrote, on one thread),
 * every second for records another replica or a process that died after its commit left behind, and
 * before anyone reads the trail ({@link #catchUp}). Several replicas may chain at once: the lock on the chain's end
 * orders them, and a record is taken by whoever holds it first.
 * <p>
 * {@code audit_pending} is a queue: every record taken leaves a dead row and index entry behind until vacuum, and a
 * read from the start walks over all of them (under load about 1,400 pages a batch, most of the chainer's cost). A
 * run after a commit therefore reads only above the highest record this process has linked. A record numbered below
 * it that committed later (its transaction took its number before another's and committed after that one was linked)
 * is linked by the next sweep, which reads from the start, as does every {@link #catchUp}.
 */
@ApplicationScoped
public class AuditChain {
    private static final Logger LOG = Logger.getLogger(AuditChain.class);
    private static final int BATCH = 500;
    /** A chain record's columns: its place, the record's own (as {@link Audit#columns} gives them), the link. */
    private static final List<String> RECORD_COLUMNS = record("seq", Audit.PENDING_COLUMNS, "prev_hash", "hash");
    private static final List<String> RECORD_TYPES = record("bigint", Audit.PENDING_TYPES, "varchar", "varchar");

    private final EntityManager em;
    private final CommitWrites commitWrites;
    private final long linkAfterMillis;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "audit-chainer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ReentrantLock chaining = new ReentrantLock();
    /** The highest {@code audit_pending} id this process moved into the chain (guarded by {@link #chaining}). */
    private long linkedUpTo;
    /** Set as the app stops: a run from then on is left to the next start's sweep, its failure is not an error. */
    private volatile boolean stopping;

    AuditChain(EntityManager em, NodeConfig config, CommitWrites commitWrites) {
        this.em = em;
        this.commitWrites = commitWrites;
        this.linkAfterMillis = config.audit().linkAfter().toMillis();
    }

    /**
     * After a commit that wrote records: they are linked shortly, on the chainer's thread; the commits of the next
     * {@code node.audit.link-after} join the same run (one lock of the chain's end, one batch, instead of one each).
     */
    void soon() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.schedule(() -> {
                    queued.set(false);
                    linkQuietly(false);
                }, linkAfterMillis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                queued.set(false); // the next start's sweep links them
            }
        }
    }

    /** Records left behind by another replica or by a process that died between its commit and the chainer. */
    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${node.audit.sweep-every:1s}", identity = "audit-chain-sweep",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        linkQuietly(true);
    }

    void stop(@Observes ShutdownEvent e) {
        stopping = true;
        worker.shutdown();
    }

    /** Links every record committed before this call; returns once the chain holds them. */
    public void catchUp() {
        link(true);
    }

    /**
     * Links the waiting records, all of them or those above {@link #linkedUpTo}. Each batch reads the lowest-numbered
     * records after the one before, so a run from the start takes every record committed before it began.
     */
    private void link(boolean fromStart) {
        chaining.lock();
        try {
            long above = fromStart ? 0 : linkedUpTo;
            while (true) {
                long from = above;
                Linked batch = QuarkusTransaction.requiringNew().call(() -> linkBatch(from));
                above = batch.last();
                linkedUpTo = Math.max(linkedUpTo, above);
                if (batch.count() < BATCH) {
                    return;
                }
            }
        } finally {
            chaining.unlock();
        }
    }

    /** Records waiting for their place (committed, not yet linked): a figure for the verification. */
    public long waiting() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM audit_pending").getSingleResult()).longValue();
    }

    private void linkQuietly(boolean fromStart) {
        if (stopping) {
            return;
        }
        try {
            link(fromStart);
        } catch (RuntimeException e) {
            // the records stay in audit_pending, each one committed with what it records; the next run retries
            if (stopping) {
                LOG.debugf("the app stopped while the audit chain was extended (%s): the next start links the rest", e);
            } else {
                LOG.errorf(e, "the audit chain could not be extended; its records wait in audit_pending");
            }
        }
    }

    /** How many records one batch linked, and the highest {@code audit_pending} id among them. */
    private record Linked(int count, long last) {}

    /** Links up to {@link #BATCH} records numbered above {@code above}, lowest first. */
    @SuppressWarnings("unchecked")
    private Linked linkBatch(long above) {
        Object[] head = (Object[]) em.createNativeQuery("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        long seq = ((Number) head[0]).longValue();
        String prev = ((String) head[1]).trim();
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, at, actor_subject, actor_name, actor_role, actor_province, actor_uscc, action, target,
                          outcome, amount_fen, detail, request_id, client_address
                        FROM audit_pending WHERE id > ?1 ORDER BY id LIMIT\s""" + BATCH).setParameter(1, above)
                .getResultList();
        if (rows.isEmpty()) {
            return new Linked(0, above);
        }
        List<List<Object>> records = new ArrayList<>(rows.size());
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Audit.Entry e = new Audit.Entry(TimeSource.utc(r[1]).toInstant(), new Actor((String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (String) r[12], (String) r[13]), (String) r[7],
                    (String) r[8], (String) r[9], r[10] == null ? null : ((Number) r[10]).longValue(), (String) r[11]);
            seq++;
            String hash = Audit.hash(seq, e, prev);
            List<Object> record = new ArrayList<>(RECORD_COLUMNS.size());
            record.add(seq);
            record.addAll(Audit.columns(e));
            record.add(prev);
            record.add(hash);
            records.add(record);
            ids.add(((Number) r[0]).longValue());
            prev = hash;
        }
        // the records in their places, taken out of the waiting ones, and the new head: one statement of one text
        commitWrites.now(List.of(CommitWrites.Write.insertRows("audit_record", RECORD_COLUMNS, RECORD_TYPES, records),
                new CommitWrites.Write("DELETE FROM audit_pending WHERE id = ANY(cast(? AS bigint[]))",
                        List.of((Object) ids.toArray(Long[]::new))), // one parameter, the array
                new CommitWrites.Write("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", List.of(seq, prev))));
        return new Linked(rows.size(), ids.get(ids.size() - 1));
    }

    private static List<String> record(String seq, List<String> entry, String prevHash, String hash) {
        List<String> all = new ArrayList<>(entry.size() + 3);
        all.add(seq);
        all.addAll(entry);
        all.add(prevHash);
        all.add(hash);
        return List.copyOf(all);
    }
}
