package org.yrd.voucher.node.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;
import org.yrd.voucher.edge.Ids;
import org.yrd.voucher.node.audit.AuditChain;
import org.yrd.voucher.node.common.NodeConfig;

/**
 * Turns what the audit trail records into notifications ({@link NotificationRules}). The trail is written in the
 * transaction of each decision, so it is the notifications' outbox: the notifier reads the linked records after its
 * cursor, and writes their notifications, the mails each is to go out as (to the accounts that did not switch
 * e-mail off) and the new cursor in one transaction. A process that dies leaves the cursor where it was; nothing is
 * lost and nothing is made twice. No money command waits for any of this.
 */
@ApplicationScoped
public class Notifier {
    private static final Logger LOG = Logger.getLogger(Notifier.class);
    private static final int BATCH = 500;

    private final EntityManager em;
    private final AuditChain chain;
    private final Clock clock;
    private final Ids ids;
    private final NodeConfig config;

    Notifier(EntityManager em, AuditChain chain, Clock clock, Ids ids, NodeConfig config) {
        this.em = em;
        this.chain = chain;
        this.clock = clock;
        this.ids = ids;
        this.config = config;
    }

    @Scheduled(every = "${node.notifications.every}", identity = "notifier",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            LOG.warnf("notifications wait for the next run: %s", e.getMessage());
        }
    }

    /** Notifies everything recorded before this call (the chain linked first); a reader sees it all. */
    public void catchUp() {
        chain.catchUp();
        while (QuarkusTransaction.requiringNew().call(this::batch) == BATCH) {
            // a full batch: there may be more
        }
    }

    private int batch() {
        long cursor = ((Number) em.createNativeQuery("SELECT seq FROM notification_cursor WHERE id = 1 FOR UPDATE")
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> records = em.createNativeQuery("""
                        SELECT seq, action, target, outcome, amount_fen FROM audit_record
                        WHERE seq > ?1 ORDER BY seq LIMIT ?2""")
                .setParameter(1, cursor).setParameter(2, BATCH).getResultList();
        if (records.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Object[] r : records) {
            String action = (String) r[1];
            if (!NotificationRules.ACTIONS.contains(action)) {
                continue;
            }
            long seq = ((Number) r[0]).longValue();
            String target = (String) r[2];
            Long amount = r[4] == null ? null : ((Number) r[4]).longValue();
            for (NotificationRules.Notice n : NotificationRules.of(action, (String) r[3], parties(action, target))) {
                UUID id = ids.next();
                int made = em.createNativeQuery("""
                                INSERT INTO notification (id, audit_seq, recipient_uscc, recipient_role, kind, target,
                                  amount_fen, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING""")
                        .unwrap(NativeQuery.class)
                        .setParameter(1, id).setParameter(2, seq).setParameter(3, n.uscc(), String.class)
                        .setParameter(4, n.role(), String.class).setParameter(5, n.kind()).setParameter(6, target)
                        .setParameter(7, amount, Long.class).setParameter(8, now).executeUpdate();
                if (made == 1 && config.notifications().email()) {
                    mailsFor(id, n, now);
                }
            }
        }
        em.createNativeQuery("UPDATE notification_cursor SET seq = ?1 WHERE id = 1")
                .setParameter(1, ((Number) records.get(records.size() - 1)[0]).longValue()).executeUpdate();
        return records.size();
    }

    /** One mail per account of the recipient that has an address and did not switch e-mail off. */
    private void mailsFor(UUID notification, NotificationRules.Notice n, OffsetDateTime now) {
        em.createNativeQuery("""
                        INSERT INTO notification_mail (id, notification_id, subject, address, locale, status, next_attempt_at)
                        SELECT gen_random_uuid(), ?1, a.subject, a.email, a.locale, 'PENDING', ?2
                        FROM notification_account a
                        WHERE a.email_enabled AND a.email IS NOT NULL
                          AND (a.uscc = ?3 OR (?4 <> '' AND position(',' || ?4 || ',' IN ',' || a.roles || ',') > 0))
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, notification).setParameter(2, now)
                .setParameter(3, n.uscc() == null ? "" : n.uscc()).setParameter(4, n.role() == null ? "" : n.role())
                .executeUpdate();
    }

    private NotificationRules.Parties parties(String action, String target) {
        UUID id;
        try {
            id = UUID.fromString(target);
        } catch (IllegalArgumentException e) {
            return NotificationRules.Parties.NONE;
        }
        String sql = switch (NotificationRules.targetOf(action)) {
            case REDEMPTION -> "SELECT enterprise_uscc, CASE WHEN provider_province = ?2 THEN provider_uscc END FROM redemption WHERE id = ?1";
            case APPLICATION -> "SELECT enterprise_uscc, NULL FROM voucher_application WHERE id = ?1 AND ?2 IS NOT NULL";
            case INCOMING -> "SELECT NULL, provider_uscc FROM incoming_redemption WHERE id = ?1 AND ?2 IS NOT NULL";
            case NONE -> null;
        };
        if (sql == null) {
            return NotificationRules.Parties.NONE;
        }
        List<?> rows = em.createNativeQuery(sql).setParameter(1, id).setParameter(2, config.province().name())
                .getResultList();
        if (rows.isEmpty()) {
            return NotificationRules.Parties.NONE;
        }
        Object[] row = (Object[]) rows.get(0);
        return new NotificationRules.Parties((String) row[0], (String) row[1]);
    }
}
