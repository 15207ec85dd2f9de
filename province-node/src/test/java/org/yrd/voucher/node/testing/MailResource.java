package org.yrd.voucher.node.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real SMTP and IMAP server (GreenMail) for a {@code @QuarkusTest}, on free ports: the node mails through it and the
 * test reads each mailbox over IMAP, as a person's mail client would. Every address has a mailbox, its password the
 * address itself.
 */
public class MailResource implements QuarkusTestResourceLifecycleManager {
    private static GreenMail mail;

    @Override
    public Map<String, String> start() {
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(mail.getSmtp().getPort()),
                "node.notifications.email", "true");
    }

    @Override
    public void stop() {
        if (mail != null) {
            mail.stop();
        }
    }

    /** The subjects of the messages in {@code address}'s inbox, read over IMAP. */
    public static List<String> subjects(String address) {
        Properties p = new Properties();
        p.put("mail.imap.host", "127.0.0.1");
        p.put("mail.imap.port", String.valueOf(mail.getImap().getPort()));
        try {
            Store store = Session.getInstance(p).getStore("imap");
            store.connect(address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<String> subjects = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    subjects.add(m.getSubject());
                }
                inbox.close(false);
                return subjects;
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read " + address + " over IMAP", e);
        }
    }
}
