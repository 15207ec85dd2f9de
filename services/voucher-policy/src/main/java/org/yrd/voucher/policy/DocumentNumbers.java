package org.yrd.voucher.policy;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one identity of an invoice or contract number (P3, P13: one invoice is redeemed once): what people type
 * differently for the same paper document compares equal. Full-width and other compatibility forms become their plain
 * letters and digits (NFKC), letters upper case, and separators are dropped: spaces of every kind, hyphens and dashes,
 * the minus sign, underscores, dots, middle dots, slashes, and invisible format characters (zero-width spaces and
 * the like). {@code FP-77}, {@code fp 77}, {@code ＦＰ－７７} and {@code  fp - 77 } are all {@code FP77}.
 */
public final class DocumentNumbers {
    private DocumentNumbers() {}

    /** The number's identity, as stored beside it, compared and hashed. */
    public static String key(String number) {
        // upper case can leave a sequence NFKC would compose: again until nothing changes (twice in practice)
        String key = number;
        for (int i = 0; i < 4; i++) {
            String next = once(key);
            if (next.equals(key)) {
                break;
            }
            key = next;
        }
        return key;
    }

    private static String once(String number) {
        String plain = Normalizer.normalize(number, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(plain.length());
        plain.codePoints().filter(c -> !separator(c))
                .forEach(c -> b.append(new String(Character.toChars(c)).toUpperCase(Locale.ROOT)));
        return b.toString();
    }

    static boolean separator(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.DASH_PUNCTUATION
                || type == Character.FORMAT || type == Character.CONTROL
                || c == '\u2212' || c == '_' || c == '.' || c == '\u00b7' || c == '\u30fb' || c == '/' || c == '\\';
    }
}
