package org.yrd.voucher.events;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash (HMAC-SHA256) under which an invoice travels: provider USCC + invoice number. Equal invoices
 * give equal hashes in every province, yet invoice numbers never leave their node in clear.
 */
public final class InvoiceHash {
    private InvoiceHash() {}

    public static String of(String federationKey, String providerUscc, String invoiceNo) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(federationKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] h = mac.doFinal((providerUscc + "\u001f" + invoiceNo.trim().toUpperCase()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
