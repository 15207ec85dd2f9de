package org.yrd.voucher.node.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;
import org.yrd.voucher.node.account.IdentityAdmin;
import org.yrd.voucher.node.common.NodeConfig;

/**
 * The addresses of people who have not signed in yet. A company's notification reaches by mail the accounts the
 * node has seen; a provider asked to confirm a service for the first time (an enterprise of another province chose
 * it) has none. For such a company the node asks its realm, through its service account ({@link IdentityAdmin}), for
 * the company's accounts and their addresses, and mails them what the company was told in the last day. A company is
 * asked about at most once an hour ({@code notification_lookup}); a realm that cannot be asked is asked next run.
 */
@ApplicationScoped
public class AddressBook {
    private static final Logger LOG = Logger.getLogger(AddressBook.class);
    private static final Duration RECENT = Duration.ofDays(1);
    private static final Duration AGAIN = Duration.ofHours(1);
    private static final int PER_RUN = 20;

    private final EntityManager em;
    private final IdentityAdmin realm;
    private final Clock clock;
    private final NodeConfig config;

    AddressBook(EntityManager em, IdentityAdmin realm, Clock clock, NodeConfig config) {
        this.em = em;
        this.realm = realm;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${node.notifications.every}", delayed = "5s", identity = "notification-addresses",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.notifications().email()) {
            lookUp();
        }
    }

    /** Asks the realm about the companies told something recently that no account of is known for; returns how many. */
    public int lookUp() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<String> unknown = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        SELECT DISTINCT n.recipient_uscc FROM notification n
                        WHERE n.recipient_uscc IS NOT NULL AND n.created_at > ?1
                          AND NOT EXISTS (SELECT 1 FROM notification_account a WHERE a.uscc = n.recipient_uscc)
                          AND NOT EXISTS (SELECT 1 FROM notification_lookup l
                                          WHERE l.uscc = n.recipient_uscc AND l.looked_at > ?2)
                        LIMIT ?3""")
                .setParameter(1, now.minus(RECENT)).setParameter(2, now.minus(AGAIN)).setParameter(3, PER_RUN)
                .getResultList());
        int asked = 0;
        for (String uscc : unknown) {
            List<IdentityAdmin.Person> people;
            try {
                people = realm.peopleOf(uscc); // outside any transaction: no row waits for the realm
            } catch (IOException e) {
                LOG.warnf("the realm cannot be asked for the addresses of %s now: %s", uscc, e.getMessage());
                return asked;
            }
            QuarkusTransaction.requiringNew().run(() -> remember(uscc, people, now));
            asked++;
        }
        return asked;
    }

    /** The company's people become accounts with the realm's address (mail on, Chinese), and get its recent mails. */
    private void remember(String uscc, List<IdentityAdmin.Person> people, OffsetDateTime now) {
        em.createNativeQuery("""
                        INSERT INTO notification_lookup (uscc, looked_at, found) VALUES (?1, ?2, ?3)
                        ON CONFLICT (uscc) DO UPDATE SET looked_at = excluded.looked_at, found = excluded.found""")
                .setParameter(1, uscc).setParameter(2, now).setParameter(3, people.size()).executeUpdate();
        for (IdentityAdmin.Person p : people) {
            em.createNativeQuery("""
                            INSERT INTO notification_account (subject, username, uscc, roles, email, locale, seen_at)
                            VALUES (?1, ?2, ?3, '', ?4, 'zh-CN', ?5) ON CONFLICT (subject) DO NOTHING""")
                    .setParameter(1, p.subject()).setParameter(2, p.username()).setParameter(3, uscc)
                    .setParameter(4, p.email()).setParameter(5, now).executeUpdate();
        }
        // what the company was told before its people were known; the notifier mails what comes after
        em.createNativeQuery("""
                        INSERT INTO notification_mail (id, notification_id, subject, address, locale, status, next_attempt_at)
                        SELECT gen_random_uuid(), n.id, a.subject, a.email, a.locale, 'PENDING', ?3
                        FROM notification n JOIN notification_account a ON a.uscc = n.recipient_uscc
                        WHERE n.recipient_uscc = ?1 AND n.created_at > ?2 AND a.email_enabled AND a.email IS NOT NULL
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, uscc).setParameter(2, now.minus(RECENT)).setParameter(3, now).executeUpdate();
    }
}
