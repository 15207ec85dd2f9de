package org.yrd.voucher.node.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.yrd.voucher.edge.Messages;
import org.yrd.voucher.node.common.NodeConfig;

/**
 * Sends the notifications' mails ({@code notification_mail}) through the SMTP server of {@code quarkus.mailer.*}, in
 * the reader's language. Each mail is sent in a transaction of its own that holds its row (another replica skips it)
 * and marks it SENT, so a mail goes once; a process that dies between the server's acceptance and that commit sends
 * it again, with the same {@code Message-ID}. A refused or unreachable server is tried again later, with a growing
 * pause, {@code node.notifications.mail-attempts} times.
 */
@ApplicationScoped
public class MailSender {
    private static final Logger LOG = Logger.getLogger(MailSender.class);
    private static final int PER_RUN = 100;

    private final EntityManager em;
    private final Mailer mailer;
    private final Clock clock;
    private final NodeConfig config;

    MailSender(EntityManager em, Mailer mailer, Clock clock, NodeConfig config) {
        this.em = em;
        this.mailer = mailer;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${node.notifications.every}", identity = "notification-mail",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.notifications().email()) {
            sendDue();
        }
    }

    /** Sends the mails due now, up to a hundred; returns how many went out. */
    public int sendDue() {
        int sent = 0;
        for (int i = 0; i < PER_RUN; i++) {
            Boolean one = QuarkusTransaction.requiringNew().call(this::sendOne);
            if (one == null) {
                break;
            }
            sent += one ? 1 : 0;
        }
        return sent;
    }

    /** null: nothing due; true: sent; false: to be tried again (or given up). */
    private Boolean sendOne() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                        SELECT m.id, m.address, m.locale, m.attempts, n.id AS notification, n.kind, n.target, n.amount_fen
                        FROM notification_mail m JOIN notification n ON n.id = m.notification_id
                        WHERE m.status = 'PENDING' AND m.next_attempt_at <= ?1
                        ORDER BY m.next_attempt_at LIMIT 1 FOR UPDATE OF m SKIP LOCKED""")
                .setParameter(1, now).getResultList();
        if (due.isEmpty()) {
            return null;
        }
        Object[] m = due.get(0);
        UUID id = (UUID) m[0];
        Locale locale = Messages.locale((String) m[2]);
        NotificationText text = NotificationText.of(locale, (String) m[5], (String) m[6],
                m[7] == null ? null : ((Number) m[7]).longValue());
        try {
            mailer.send(Mail.withText((String) m[1], text.subject(), text.body())
                    .addHeader("Message-ID", "<" + m[4] + "." + id + "@" + config.province().name().toLowerCase(Locale.ROOT)
                            + ".yrd-voucher>"));
            em.createNativeQuery("UPDATE notification_mail SET status = 'SENT', sent_at = ?2, attempts = attempts + 1 WHERE id = ?1")
                    .setParameter(1, id).setParameter(2, now).executeUpdate();
            return true;
        } catch (RuntimeException e) {
            int attempts = ((Number) m[3]).intValue() + 1;
            boolean last = attempts >= config.notifications().mailAttempts();
            LOG.warnf("mail %s not sent (attempt %d%s): %s", id, attempts, last ? ", the last" : "", e.getMessage());
            em.createNativeQuery("""
                            UPDATE notification_mail SET attempts = ?2, status = ?3, next_attempt_at = ?4 WHERE id = ?1""")
                    .setParameter(1, id).setParameter(2, attempts).setParameter(3, last ? "FAILED" : "PENDING")
                    .setParameter(4, now.plus(Duration.ofSeconds(30L * attempts * attempts))).executeUpdate();
            return false;
        }
    }
}
