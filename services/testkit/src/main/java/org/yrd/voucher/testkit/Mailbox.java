package org.yrd.voucher.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A real SMTP and IMAP server (GreenMail) on free ports: the apps and Keycloak mail through it, and a test reads each
 * mailbox over IMAP as a person's mail client would. Every address has a mailbox; its password is the address.
 */
public final class Mailbox implements AutoCloseable {
    private final GreenMail mail;

    /** A received message: its subject and its text (the plain part, or the whole body when it is one part). */
    public record Mail(String subject, String text) {}

    public Mailbox() {
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    /** The messages in {@code address}'s inbox, oldest first, read over IMAP; none if nothing was ever sent there. */
    public List<Mail> read(String address) {
        if (mail.getUserManager().getUserByEmail(address) == null) {
            return List.of();
        }
        Properties p = new Properties();
        p.put("mail.imap.host", "127.0.0.1");
        p.put("mail.imap.port", String.valueOf(mail.getImap().getPort()));
        try {
            Store store = Session.getInstance(p).getStore("imap");
            store.connect(address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Mail> mails = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    mails.add(new Mail(m.getSubject(), text(m.getContent())));
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read " + address + " over IMAP", e);
        }
    }

    /** The subjects of the messages in {@code address}'s inbox. */
    public List<String> subjects(String address) {
        return read(address).stream().map(Mail::subject).toList();
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof jakarta.mail.Multipart parts) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                all.append(text(parts.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        return String.valueOf(content);
    }

    @Override
    public void close() {
        mail.stop();
    }
}
