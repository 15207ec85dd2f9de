package org.yrd.voucher.node.common;

import jakarta.ws.rs.core.HttpHeaders;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Problem texts in the reader's language: zh-CN by default, English for {@code Accept-Language: en}. */
public final class Messages {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {}

    public static Locale locale(HttpHeaders headers) {
        if (headers != null) {
            for (Locale l : headers.getAcceptableLanguages()) {
                if ("en".equals(l.getLanguage())) {
                    return Locale.ENGLISH;
                }
                if ("zh".equals(l.getLanguage())) {
                    return Locale.ROOT;
                }
            }
        }
        return Locale.ROOT;
    }

    public static String text(Locale locale, String key, List<Object> args) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages", locale, NO_FALLBACK);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key + (args.isEmpty() ? "" : " " + args);
        }
        return args.isEmpty() ? pattern : new MessageFormat(pattern, locale).format(args.stream().map(String::valueOf).toArray());
    }

    public static String language(Locale locale) {
        return Locale.ENGLISH.equals(locale) ? "en" : "zh-CN";
    }
}
