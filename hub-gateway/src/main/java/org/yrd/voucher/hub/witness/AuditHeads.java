package org.yrd.voucher.hub.witness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.federation.Route;
import org.yrd.voucher.hub.common.Provenance;

/**
 * The hub as witness of each node's audit trail: the chain's end ({@code seq}, {@code hash}) sent with every
 * ledger snapshot, kept once per position. The first hash received for a position stays: a node that rewrote
 * its history cannot replace what the hub already holds.
 */
@ApplicationScoped
public class AuditHeads {
    /** Heads in one answer. */
    public static final int PAGE = 1_000;
    private final EntityManager em;

    AuditHeads(EntityManager em) {
        this.em = em;
    }

    public record Head(long seq, String hash, OffsetDateTime receivedAt) {}

    /** The audit chain's end each ledger snapshot carries. */
    public Route subscribe(Route usage) {
        return usage.on(EventTypes.LEDGER_SNAPSHOT, Payloads.LedgerSnapshot.class, this::snapshot);
    }

    private void snapshot(CloudEvent e, Payloads.LedgerSnapshot s) {
        Provenance.require(e, s.province(), "a ledger snapshot");
        if (s.auditSeq() != null && s.auditHash() != null) {
            keep(s.province(), s.auditSeq(), s.auditHash());
        }
    }

    /** In the transaction of the snapshot's event. */
    void keep(String province, long seq, String hash) {
        em.createNativeQuery("""
                        INSERT INTO audit_head (province, seq, hash) VALUES (?1, ?2, ?3)
                        ON CONFLICT (province, seq) DO NOTHING""")
                .setParameter(1, province).setParameter(2, seq).setParameter(3, hash).executeUpdate();
    }

    /** A province's newest heads, newest first. */
    public List<Head> newest(String province, int limit) {
        return heads("AND seq > ?2 ORDER BY seq DESC", province, -1, limit);
    }

    /**
     * A province's heads after position {@code after}, oldest first: a page of the whole history, so that a node
     * compares its chain with every head the hub ever received, a page at a time.
     */
    public List<Head> after(String province, long after, int limit) {
        return heads("AND seq > ?2 ORDER BY seq", province, after, limit);
    }

    @SuppressWarnings("unchecked")
    private List<Head> heads(String order, String province, long after, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT seq, hash, received_at FROM audit_head WHERE province = ?1 "
                        + order + " LIMIT ?3")
                .setParameter(1, province).setParameter(2, after).setParameter(3, limit).getResultList();
        return rows.stream().map(r -> new Head(((Number) r[0]).longValue(), ((String) r[1]).trim(),
                TimeSource.utc(r[2])))
                .toList();
    }
}
