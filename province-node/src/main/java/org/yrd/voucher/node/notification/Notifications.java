package org.yrd.voucher.node.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.yrd.voucher.edge.Messages;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.TimeSource;

/**
 * A person's notifications: those for their company's USCC, or for their role (operators, finance officers of this
 * province); read or not, each person on their own. The node learns the account's address and language when the
 * person opens the console, so that mails reach those who use it.
 */
@ApplicationScoped
public class Notifications {
    private final EntityManager em;
    private final Clock clock;
    private final Notifier notifier;

    Notifications(EntityManager em, Clock clock, Notifier notifier) {
        this.em = em;
        this.clock = clock;
        this.notifier = notifier;
    }

    /** Who is reading: the account, its company's USCC (if any) and its staff roles (comma-separated, may be empty). */
    public record Reader(String subject, String username, String uscc, String roles, String email, Locale locale) {}

    public record Item(UUID id, String kind, String target, Long amountFen, String text, OffsetDateTime createdAt,
                       OffsetDateTime readAt) {}

    public record Settings(boolean email, String address, String language) {}

    /** The reader's latest notifications (everything recorded before this call included), newest first. */
    public List<Item> of(Reader reader, boolean unreadOnly, int limit) {
        notifier.catchUp();
        return QuarkusTransaction.joiningExisting().call(() -> {
            seen(reader);
            return list(reader, unreadOnly, limit);
        });
    }

    private List<Item> list(Reader reader, boolean unreadOnly, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = mine(reader, """
                        SELECT n.id, n.kind, n.target, n.amount_fen, n.created_at, r.read_at
                        FROM notification n LEFT JOIN notification_read r ON r.notification_id = n.id AND r.subject = :subject
                        WHERE""" + MINE + """
                          AND (NOT :unread OR r.read_at IS NULL)
                        ORDER BY n.created_at DESC, n.audit_seq DESC LIMIT :limit""")
                .setParameter("unread", unreadOnly).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> {
            Long amount = r[3] == null ? null : ((Number) r[3]).longValue();
            return new Item((UUID) r[0], (String) r[1], (String) r[2], amount,
                    NotificationText.of(reader.locale(), (String) r[1], (String) r[2], amount).text(),
                    TimeSource.utc(r[4]), TimeSource.utc(r[5]));
        }).toList();
    }

    /**
     * How many the reader has not read yet. The console asks at sign-in and every half minute: this is where the
     * node learns a person's address, so that mails reach them from their first sign-in on.
     */
    @Transactional
    public long unread(Reader reader) {
        seen(reader);
        notifier.catchUp();
        return ((Number) mine(reader, "SELECT count(*) FROM notification n WHERE" + MINE + """
                          AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.subject = :subject)""")
                .getSingleResult()).longValue();
    }

    /** Marks one read; 404 if it is not the reader's. */
    @Transactional
    public void read(Reader reader, UUID id) {
        int marked = mine(reader, """
                        INSERT INTO notification_read (notification_id, subject, read_at)
                        SELECT n.id, :subject, :at FROM notification n WHERE n.id = :id AND""" + MINE + """
                        ON CONFLICT DO NOTHING""")
                .setParameter("at", OffsetDateTime.now(clock)).setParameter("id", id).executeUpdate();
        if (marked == 0 && mine(reader, "SELECT 1 FROM notification n WHERE n.id = :id AND" + MINE)
                .setParameter("id", id).getResultList().isEmpty()) {
            throw ProblemException.notFound("notification", id);
        }
    }

    /** Marks all of the reader's read; returns how many were unread. */
    @Transactional
    public int readAll(Reader reader) {
        return mine(reader, """
                        INSERT INTO notification_read (notification_id, subject, read_at)
                        SELECT n.id, :subject, :at FROM notification n WHERE""" + MINE + """
                        ON CONFLICT DO NOTHING""")
                .setParameter("at", OffsetDateTime.now(clock)).executeUpdate();
    }

    @Transactional
    public Settings settings(Reader reader) {
        seen(reader);
        Object[] row = (Object[]) em.createNativeQuery(
                        "SELECT email_enabled, email, locale FROM notification_account WHERE subject = ?1")
                .setParameter(1, reader.subject()).getSingleResult();
        return new Settings((Boolean) row[0], (String) row[1], (String) row[2]);
    }

    /** Switches the reader's mails on or off, and sets the language they are written in. */
    @Transactional
    public Settings change(Reader reader, boolean email, String language) {
        seen(reader);
        em.createNativeQuery("UPDATE notification_account SET email_enabled = ?2, locale = ?3 WHERE subject = ?1")
                .setParameter(1, reader.subject()).setParameter(2, email)
                .setParameter(3, language == null ? Messages.language(reader.locale()) : language).executeUpdate();
        if (!email) {
            // mails not yet sent to this account go no more
            em.createNativeQuery("DELETE FROM notification_mail WHERE subject = ?1 AND status = 'PENDING'")
                    .setParameter(1, reader.subject()).executeUpdate();
        }
        return settings(reader);
    }

    /** The reader's notifications: their company's, or their staff role's ({@code n} is the notification). */
    private static final String MINE = """
             (n.recipient_uscc = :uscc OR n.recipient_role = ANY (string_to_array(:roles, ',')))
            """;

    /** A query over the reader's notifications, with {@code :subject}, {@code :uscc} and {@code :roles} bound. */
    private jakarta.persistence.Query mine(Reader reader, String sql) {
        jakarta.persistence.Query q = em.createNativeQuery(sql).setParameter("uscc", reader.uscc() == null ? "" : reader.uscc())
                .setParameter("roles", reader.roles());
        return sql.contains(":subject") ? q.setParameter("subject", reader.subject()) : q;
    }

    /**
     * The account as its token says now: its address and company follow the realm; its language is kept. A row that
     * already says so is written again at most once an hour (the bell asks every half minute).
     */
    private void seen(Reader reader) {
        em.createNativeQuery("""
                        INSERT INTO notification_account AS a (subject, username, uscc, roles, email, locale, seen_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        ON CONFLICT (subject) DO UPDATE SET username = excluded.username, uscc = excluded.uscc,
                          roles = excluded.roles, email = excluded.email, seen_at = excluded.seen_at
                        WHERE (a.username, a.uscc, a.roles, a.email) IS DISTINCT FROM
                              (excluded.username, excluded.uscc, excluded.roles, excluded.email)
                           OR a.seen_at < excluded.seen_at - interval '1 hour'""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter(1, reader.subject()).setParameter(2, reader.username(), String.class)
                .setParameter(3, reader.uscc(), String.class).setParameter(4, reader.roles())
                .setParameter(5, reader.email(), String.class).setParameter(6, Messages.language(reader.locale()))
                .setParameter(7, OffsetDateTime.now(clock)).executeUpdate();
    }
}
