package org.yrd.voucher.node.notification;

import java.util.List;
import java.util.Locale;
import org.yrd.voucher.edge.Messages;
import org.yrd.voucher.policy.Money;

/** A notification as its reader sees it, in the reader's language: a one-line text, and a mail's subject and body. */
record NotificationText(String text, String subject, String body) {
    static NotificationText of(Locale locale, String kind, String target, Long amountFen) {
        String reference = target.length() > 8 ? target.substring(0, 8) : target;
        String text = Messages.text(locale, "notification." + kind,
                List.of(reference, amountFen == null ? "" : Money.format(amountFen)));
        String subject = Messages.text(locale, "notification.mail.subject", List.of(text));
        String body = text + "\n\n" + Messages.text(locale, "notification.mail.footer", List.of(target));
        return new NotificationText(text, subject, body);
    }
}
