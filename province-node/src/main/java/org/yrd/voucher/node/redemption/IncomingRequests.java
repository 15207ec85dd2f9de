package org.yrd.voucher.node.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.States;
import org.yrd.voucher.node.redemption.CrossRegion.Incoming;
import org.yrd.voucher.node.redemption.CrossRegion.IncomingStatus;

/**
 * Requests from other provinces for this province's providers, in the database: the one owner of the
 * {@code incoming_redemption} table, its queries and its row locks (P14 cross-region use).
 */
@ApplicationScoped
public class IncomingRequests {
    private final EntityManager em;

    IncomingRequests(EntityManager em) {
        this.em = em;
    }

    /** Whether the request was new, and whether its invoice is already taken here (redeemed or requested). */
    record Recorded(boolean recorded, boolean invoiceTaken) {}

    /** Who asked and for whom, as the answer to a request needs them. */
    record Parties(String issuingProvince, String providerUscc) {}

    /** Records a request, once however often it is delivered, and checks its invoice, in one round trip. */
    Recorded record(Payloads.CrossRegionRequest r, OffsetDateTime receivedAt) {
        Object[] outcome = (Object[]) em.createNativeQuery("""
                        WITH received AS (
                          INSERT INTO incoming_redemption (id, issuing_province, provider_uscc, enterprise_uscc,
                            enterprise_name, category, contract_no, invoice_hash, actual_expenditure_fen,
                            voucher_amount_fen, completion_date, filed_at, received_at, status)
                          VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                          ON CONFLICT DO NOTHING RETURNING 1)
                        SELECT EXISTS (SELECT 1 FROM received),
                               EXISTS (SELECT 1 FROM redemption WHERE invoice_hash = ?8
                                         AND status = ANY(cast(?15 AS varchar[])))
                            OR EXISTS (SELECT 1 FROM incoming_redemption WHERE invoice_hash = ?8 AND id <> ?1
                                         AND status = ANY(cast(?16 AS varchar[])))""")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("incoming_redemption")
                .addSynchronizedQuerySpace("redemption")
                .setParameter(1, UUID.fromString(r.redemptionId())).setParameter(2, r.issuingProvince())
                .setParameter(3, r.providerUscc()).setParameter(4, r.enterpriseUscc()).setParameter(5, r.enterpriseName())
                .setParameter(6, r.category()).setParameter(7, r.contractNo()).setParameter(8, r.invoiceHash())
                .setParameter(9, r.actualExpenditureFen()).setParameter(10, r.voucherAmountFen())
                .setParameter(11, r.completionDate()).setParameter(12, TimeSource.utc(r.filedAt()))
                .setParameter(13, receivedAt).setParameter(14, IncomingStatus.REQUESTED.name())
                .setParameter(15, States.sql(States.LIVE)).setParameter(16, States.sql(States.REQUEST_LIVE))
                .getSingleResult();
        return new Recorded((Boolean) outcome[0], (Boolean) outcome[1]);
    }

    /** The state of this provider's request under its row lock, or {@code null} if it has no such request. */
    String lockStatus(UUID id, String providerUscc) {
        List<?> status = em.createNativeQuery(
                        "SELECT status FROM incoming_redemption WHERE id = ?1 AND provider_uscc = ?2 FOR UPDATE")
                .setParameter(1, id).setParameter(2, providerUscc).getResultList();
        return status.isEmpty() ? null : (String) status.get(0);
    }

    /** Records the provider's answer, in one round trip for the row. */
    Parties answer(UUID id, IncomingStatus answer, String reason, OffsetDateTime at) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        UPDATE incoming_redemption SET status = ?1, answered_at = ?2, reason = ?3 WHERE id = ?4
                        RETURNING issuing_province, provider_uscc""")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("incoming_redemption")
                .setParameter(1, answer.name()).setParameter(2, at).setParameter(3, reason)
                .setParameter(4, id).getSingleResult();
        return new Parties((String) row[0], (String) row[1]);
    }

    /** A page of this provider's requests, oldest first, optionally only those in one state. */
    List<Incoming> of(String providerUscc, IncomingStatus status, Paging page) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + """
                         FROM incoming_redemption WHERE provider_uscc = ?1 AND (?2 = '' OR status = ?2)
                        ORDER BY received_at, id LIMIT ?3 OFFSET ?4""")
                .setParameter(1, providerUscc).setParameter(2, status == null ? "" : status.name())
                .setParameter(3, page.limit()).setParameter(4, page.offset()).getResultList();
        return rows.stream().map(IncomingRequests::incoming).toList();
    }

    Incoming get(UUID id) {
        return incoming((Object[]) em.createNativeQuery("SELECT " + COLUMNS + " FROM incoming_redemption WHERE id = ?1")
                .setParameter(1, id).getSingleResult());
    }

    private static final String COLUMNS = """
            id, issuing_province, provider_uscc, enterprise_uscc, enterprise_name, category, contract_no, invoice_hash,
            actual_expenditure_fen, voucher_amount_fen, completion_date, filed_at, status, answered_at, reason""";

    private static Incoming incoming(Object[] r) {
        return new Incoming((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], (String) r[7], ((Number) r[8]).longValue(), ((Number) r[9]).longValue(),
                TimeSource.date(r[10]),
                TimeSource.utc(r[11]), (String) r[12], TimeSource.utc(r[13]), (String) r[14]);
    }
}
