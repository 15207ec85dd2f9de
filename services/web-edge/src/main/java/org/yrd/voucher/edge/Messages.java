package org.yrd.voucher.edge;

import jakarta.ws.rs.core.HttpHeaders;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts in the reader's language: zh-CN by default, English for {@code Accept-Language: en}. An app's own
 * {@code messages} bundle is read first, then the {@code problems} bundle every app shares. Codes are stored
 * and sent; text is rendered only here, at the edge.
 */
public final class Messages {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final List<String> BUNDLES = List.of("messages", "problems");

    /** An argument that is itself a text to render in the reader's language (e.g. "enterprise" → "企业"). */
    public record Key(String key) {
        @Override
        public String toString() {
            return key;
        }
    }

    private Messages() {}

    public static Locale locale(HttpHeaders headers) {
        return headers == null ? Locale.ROOT : locale(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The reader's language from an {@code Accept-Language} value: the first of zh or en it names, by weight. */
    public static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ROOT;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return Locale.ROOT;
        }
        for (Locale.LanguageRange r : ranges) {
            String language = r.getRange().split("-")[0];
            if ("en".equals(language)) {
                return Locale.ENGLISH;
            }
            if ("zh".equals(language)) {
                return Locale.ROOT;
            }
        }
        return Locale.ROOT;
    }

    /** The text for {@code key}, or {@code null} when no bundle has it. */
    public static String find(Locale locale, String key, List<?> args) {
        for (String name : BUNDLES) {
            String pattern;
            try {
                pattern = ResourceBundle.getBundle(name, locale, NO_FALLBACK).getString(key);
            } catch (MissingResourceException e) {
                continue;
            }
            Object[] rendered = args.stream()
                    .map(a -> a instanceof Key k ? text(locale, k.key(), List.of()) : String.valueOf(a)).toArray();
            return new MessageFormat(pattern, locale).format(rendered);
        }
        return null;
    }

    /** The text for {@code key}; the key itself (with its arguments) when no bundle has it. */
    public static String text(Locale locale, String key, List<?> args) {
        String text = find(locale, key, args);
        return text != null ? text : key + (args.isEmpty() ? "" : " " + args);
    }

    public static String language(Locale locale) {
        return Locale.ENGLISH.equals(locale) ? "en" : "zh-CN";
    }
}
