package org.yrd.voucher.hub.witness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import org.yrd.voucher.edge.TimeSource;

/**
 * The hub as witness of each node's audit trail: the chain's end ({@code seq}, {@code hash}) sent with every
 * ledger snapshot, kept once per position. The first hash received for a position stays: a node that rewrote
 * its history cannot replace what the hub already holds.
 */
@ApplicationScoped
public class AuditHeads {
    /** The most recent heads a node's verification compares with. */
    private static final int LIMIT = 1_000;
    private final EntityManager em;

    AuditHeads(EntityManager em) {
        this.em = em;
    }

    public record Head(long seq, String hash, OffsetDateTime receivedAt) {}

    /** In the transaction of the snapshot's event. */
    public void keep(String province, long seq, String hash) {
        em.createNativeQuery("""
                        INSERT INTO audit_head (province, seq, hash) VALUES (?1, ?2, ?3)
                        ON CONFLICT (province, seq) DO NOTHING""")
                .setParameter(1, province).setParameter(2, seq).setParameter(3, hash).executeUpdate();
    }

    /** A province's heads, newest first. */
    @SuppressWarnings("unchecked")
    public List<Head> of(String province) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT seq, hash, received_at FROM audit_head WHERE province = ?1 ORDER BY seq DESC LIMIT ?2""")
                .setParameter(1, province).setParameter(2, LIMIT).getResultList();
        return rows.stream().map(r -> new Head(((Number) r[0]).longValue(), ((String) r[1]).trim(),
                TimeSource.utc(r[2])))
                .toList();
    }
}
