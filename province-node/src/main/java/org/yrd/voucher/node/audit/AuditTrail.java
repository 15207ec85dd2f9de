package org.yrd.voucher.node.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yrd.voucher.edge.Actor;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.node.common.ListQuery;
import org.yrd.voucher.edge.TimeSource;

/** Reading and verifying the audit trail (operators: {@code /api/v1/operator/audit}). */
@ApplicationScoped
public class AuditTrail {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AuditTrail.class);
    /** Breaks listed at most; the first one is where the history stops being trustworthy. */
    private static final int MAX_BREAKS = 20;
    private static final int BATCH = 5_000;
    private static final String COLUMNS = """
            seq, at, actor_subject, actor_name, actor_role, actor_province, actor_uscc, action, target, outcome,
            amount_fen, detail, request_id, client_address, prev_hash, hash""";

    private final EntityManager em;
    private final HubWitness hub;
    private final AuditChain chain;

    AuditTrail(EntityManager em, HubWitness hub, AuditChain chain) {
        this.em = em;
        this.chain = chain;
        this.hub = hub;
    }

    public record Record(long seq, OffsetDateTime at, String actorSubject, String actorName, String actorRole,
                         String actorProvince, String actorUscc, String action, String target, String outcome,
                         Long amountFen, String detail, String requestId, String clientAddress, String prevHash,
                         String hash) {
        static Record of(Object[] r) {
            return new Record(((Number) r[0]).longValue(), TimeSource.utc(r[1]), (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                    r[10] == null ? null : ((Number) r[10]).longValue(), (String) r[11], (String) r[12],
                    (String) r[13], ((String) r[14]).trim(), ((String) r[15]).trim());
        }

        Audit.Entry entry() {
            return new Audit.Entry(at.toInstant(), new Actor(actorSubject, actorName, actorRole, actorProvince,
                    actorUscc, requestId, clientAddress), action, target, outcome, amountFen, detail);
        }
    }

    /** Filters: each optional; {@code days} the range of days (China time) of {@link ListQuery}, its words unused. */
    public record Filter(String actor, String action, String target, ListQuery days) {}

    /** Newest first, a page at a time. */
    @SuppressWarnings("unchecked")
    @Transactional
    public List<Record> find(Filter f, Paging page) {
        catchUpOrNot(); // what was committed before this request is in the chain, and shown
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_record WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (f.actor() != null) {
            sql.append(" AND (actor_name = :actor OR actor_subject = :actor)");
            params.put("actor", f.actor());
        }
        if (f.action() != null) {
            sql.append(" AND action = :action");
            params.put("action", f.action());
        }
        if (f.target() != null) {
            sql.append(" AND target = :target");
            params.put("target", f.target());
        }
        if (f.days() != null) {
            sql.append(" AND at >= :from AND at < :before");
            params.put("from", f.days().from());
            params.put("before", f.days().before());
        }
        sql.append(" ORDER BY seq DESC LIMIT :limit OFFSET :offset");
        var q = em.createNativeQuery(sql.toString());
        params.forEach(q::setParameter);
        q.setParameter("limit", page.limit()).setParameter("offset", page.offset());
        return ((List<Object[]>) q.getResultList()).stream().map(Record::of).toList();
    }

    public record Break(long seq, String problem) {}

    public record Mismatch(long seq, String hubHash, String nodeHash) {}

    /**
     * What the hub witnessed: {@code MATCHES} (every head it holds is in this chain), {@code DIFFERS} (history
     * at or before a witnessed head was rewritten, or records were removed), {@code NONE} (it holds no head
     * yet) or {@code UNAVAILABLE} (no hub configured or reachable; only the chain itself was checked).
     */
    public record Witness(String status, long headsChecked, List<Mismatch> mismatches, String note) {}

    /**
     * {@code unlinked}: records committed with what they record but not yet given their place in the chain (the
     * chainer links them within a second; a figure that stays above zero means it cannot, see the node's log).
     */
    public record Verification(long records, long headSeq, String headHash, boolean intact, List<Break> breaks,
                               Witness witness, long unlinked) {}

    /**
     * Recomputes the chain from its first record and compares it with each stored hash and link, and with the
     * heads the hub keeps. A record edited afterwards no longer matches its own hash; a history rewritten with
     * fresh hashes no longer matches the hub's heads.
     */
    @SuppressWarnings("unchecked")
    @Transactional
    public Verification verify() {
        catchUpOrNot();
        HubWitness.Witnessed witnessed = hub.witnessed();
        witnessed.peek(); // the first page: whether the hub can be read at all
        boolean available = witnessed.available();
        long checked = 0;
        List<Break> breaks = new ArrayList<>();
        List<Mismatch> mismatches = new ArrayList<>();
        String prev = "0".repeat(64);
        long expectedSeq = 1;
        long count = 0;
        long after = 0;
        while (true) {
            List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS
                            + " FROM audit_record WHERE seq > ?1 ORDER BY seq LIMIT " + BATCH)
                    .setParameter(1, after).getResultList();
            if (rows.isEmpty()) {
                break;
            }
            for (Object[] row : rows) {
                Record r = Record.of(row);
                count++;
                if (r.seq() != expectedSeq) {
                    note(breaks, expectedSeq, "records " + expectedSeq + "–" + (r.seq() - 1) + " are missing");
                }
                if (!r.prevHash().equals(prev)) {
                    note(breaks, r.seq(), "does not link to the record before it (prev_hash differs)");
                }
                String recomputed = Audit.hash(r.seq(), r.entry(), r.prevHash());
                if (!recomputed.equals(r.hash())) {
                    note(breaks, r.seq(), "its content no longer matches its hash (edited after it was written)");
                }
                // the hub's heads and the chain, both in order of position, compared as they are read
                for (HubWitness.Head h = witnessed.peek(); h != null && h.seq() <= r.seq(); h = witnessed.peek()) {
                    witnessed.next();
                    if (h.seq() <= 0) {
                        continue; // the empty chain
                    }
                    checked++;
                    if (h.seq() < r.seq()) {
                        mismatch(mismatches, new Mismatch(h.seq(), h.hash(), null)); // a position the chain lacks
                    } else if (!h.hash().equals(r.hash())) {
                        mismatch(mismatches, new Mismatch(r.seq(), h.hash(), r.hash()));
                    }
                }
                prev = r.hash();
                expectedSeq = r.seq() + 1;
                after = r.seq();
            }
        }
        Object[] head = (Object[]) em.createNativeQuery("SELECT seq, hash FROM audit_head WHERE id = 1").getSingleResult();
        long headSeq = ((Number) head[0]).longValue();
        String headHash = ((String) head[1]).trim();
        if (headSeq != after || !headHash.equals(prev)) {
            note(breaks, headSeq, "the chain's recorded end (" + headSeq + ") is not its last record (" + after + ")");
        }
        for (HubWitness.Head h = witnessed.next(); h != null; h = witnessed.next()) {
            if (h.seq() > 0) {
                checked++;
                mismatch(mismatches, new Mismatch(h.seq(), h.hash(), null)); // heads beyond the chain
            }
        }
        Witness witness = !available || !witnessed.available()
                ? new Witness("UNAVAILABLE", 0, List.of(), witnessed.note())
                : checked == 0 ? new Witness("NONE", 0, List.of(), witnessed.note())
                : new Witness(mismatches.isEmpty() ? "MATCHES" : "DIFFERS", checked, mismatches, witnessed.note());
        return new Verification(count, headSeq, headHash, breaks.isEmpty(), breaks, witness, chain.waiting());
    }

    /** The chain's end, sent to the hub with each ledger snapshot. */
    public Head head() {
        catchUpOrNot();
        Object[] head = (Object[]) em.createNativeQuery("SELECT seq, hash FROM audit_head WHERE id = 1").getSingleResult();
        return new Head(((Number) head[0]).longValue(), ((String) head[1]).trim());
    }

    public record Head(long seq, String hash) {}

    /** Links what waits first; when the chain cannot be extended, what it holds is still read and checked. */
    private void catchUpOrNot() {
        try {
            chain.catchUp();
        } catch (RuntimeException e) {
            LOG.warnf(e, "audit records wait to be linked");
        }
    }

    private static void mismatch(List<Mismatch> mismatches, Mismatch m) {
        if (mismatches.size() < MAX_BREAKS) {
            mismatches.add(m);
        }
    }

    private static void note(List<Break> breaks, long seq, String problem) {
        if (breaks.size() < MAX_BREAKS) {
            breaks.add(new Break(seq, problem));
        }
    }
}
