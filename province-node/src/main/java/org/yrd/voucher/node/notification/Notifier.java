package org.yrd.voucher.node.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.yrd.voucher.edge.Ids;
import org.yrd.voucher.federation.CommitWrites;
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
    private static final List<String> COLUMNS = List.of("id", "audit_seq", "recipient_uscc", "recipient_role", "kind",
            "target", "amount_fen", "created_at");
    private static final List<String> TYPES = List.of("uuid", "bigint", "varchar", "varchar", "varchar", "varchar",
            "bigint", "timestamptz");
    private static final String UUID_TEXT = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    private final EntityManager em;
    private final AuditChain chain;
    private final Clock clock;
    private final Ids ids;
    private final NodeConfig config;
    private final CommitWrites commitWrites;

    Notifier(EntityManager em, AuditChain chain, Clock clock, Ids ids, NodeConfig config, CommitWrites commitWrites) {
        this.em = em;
        this.commitWrites = commitWrites;
        this.chain = chain;
        this.clock = clock;
        this.ids = ids;
        this.config = config;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${node.notifications.every}", identity = "notifier",
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
        Object[] window = (Object[]) em.createNativeQuery("""
                        SELECT max(seq), count(*) FROM (SELECT seq FROM audit_record WHERE seq > ?1 ORDER BY seq LIMIT ?2) w""")
                .setParameter(1, cursor).setParameter(2, BATCH).getSingleResult();
        if (window[0] == null) {
            return 0;
        }
        long upto = ((Number) window[0]).longValue();
        // the records of this window that tell someone, each with its parties, in one read
        @SuppressWarnings("unchecked")
        List<Object[]> records = em.createNativeQuery("""
                        SELECT a.seq, a.action, a.target, a.outcome, a.amount_fen,
                               coalesce(r.enterprise_uscc, va.enterprise_uscc),
                               coalesce(CASE WHEN r.provider_province = :province THEN r.provider_uscc END, ir.provider_uscc)
                        FROM audit_record a
                        LEFT JOIN redemption r ON a.action LIKE 'redemption.%'
                             AND r.id = CASE WHEN a.target ~ :uuid THEN a.target::uuid END
                        LEFT JOIN voucher_application va ON a.action LIKE 'application.%'
                             AND va.id = CASE WHEN a.target ~ :uuid THEN a.target::uuid END
                        LEFT JOIN incoming_redemption ir ON a.action = 'incoming-redemption.received'
                             AND ir.id = CASE WHEN a.target ~ :uuid THEN a.target::uuid END
                        WHERE a.seq > :cursor AND a.seq <= :upto AND a.action IN (:actions)
                        ORDER BY a.seq""")
                .setParameter("province", config.province().name()).setParameter("uuid", UUID_TEXT)
                .setParameter("cursor", cursor).setParameter("upto", upto)
                .setParameter("actions", NotificationRules.ACTIONS).getResultList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<List<Object>> values = new ArrayList<>();
        for (Object[] r : records) {
            var parties = new NotificationRules.Parties((String) r[5], (String) r[6]);
            for (NotificationRules.Notice n : NotificationRules.of((String) r[1], (String) r[3], parties)) {
                values.add(java.util.Arrays.asList(ids.next(), (Number) r[0], n.uscc(), n.role(), n.kind(), r[2],
                        (Number) r[4], now));
            }
        }
        if (!values.isEmpty()) {
            insert(values);
            if (config.notifications().email()) {
                mails(cursor, upto, now);
            }
        }
        em.createNativeQuery("UPDATE notification_cursor SET seq = ?1 WHERE id = 1").setParameter(1, upto).executeUpdate();
        return ((Number) window[1]).intValue();
    }

    /**
     * The batch's notifications in one statement, of one text whatever their number; one made before (a unique index)
     * is not made again.
     */
    private void insert(List<List<Object>> values) {
        CommitWrites.Write rows = CommitWrites.Write.insertRows("notification", COLUMNS, TYPES, values);
        commitWrites.now(List.of(new CommitWrites.Write(rows.sql() + " ON CONFLICT DO NOTHING", rows.params())));
    }

    /**
     * The batch's mails: one per notification and account of its recipient that has an address and did not switch
     * e-mail off.
     */
    private void mails(long cursor, long upto, OffsetDateTime now) {
        em.createNativeQuery("""
                        INSERT INTO notification_mail (id, notification_id, subject, address, locale, status, next_attempt_at)
                        SELECT gen_random_uuid(), n.id, a.subject, a.email, a.locale, 'PENDING', ?3
                        FROM notification n JOIN notification_account a
                          ON a.uscc = n.recipient_uscc
                          OR position(',' || n.recipient_role || ',' IN ',' || a.roles || ',') > 0
                        WHERE n.audit_seq > ?1 AND n.audit_seq <= ?2 AND a.email_enabled AND a.email IS NOT NULL
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, cursor).setParameter(2, upto).setParameter(3, now).executeUpdate();
    }
}
