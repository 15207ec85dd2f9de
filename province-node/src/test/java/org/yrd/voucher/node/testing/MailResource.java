package org.yrd.voucher.node.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import org.yrd.voucher.testkit.Mailbox;

/**
 * A real SMTP and IMAP server (testkit {@link Mailbox}, GreenMail) for a {@code @QuarkusTest}, on free ports: the node
 * mails through it and the test reads each mailbox over IMAP, as a person's mail client would.
 */
public class MailResource implements QuarkusTestResourceLifecycleManager {
    private static Mailbox mail;

    @Override
    public Map<String, String> start() {
        mail = new Mailbox();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(mail.smtpPort()),
                "node.notifications.email", "true");
    }

    @Override
    public void stop() {
        if (mail != null) {
            mail.close();
        }
    }

    /** The subjects of the messages in {@code address}'s inbox, read over IMAP. */
    public static List<String> subjects(String address) {
        return mail.subjects(address);
    }
}
