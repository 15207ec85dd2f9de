package org.yrd.voucher.edge;

import jakarta.ws.rs.core.HttpHeaders;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Texts in the reader's language: zh-CN by default, English for {@code Accept-Language: en}. An app's own
 * {@code messages} bundle is read first, then the {@code problems} bundle every app shares. Codes are stored
 * and sent; text is rendered only here, at the edge.
 */
public final class Messages {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final List<String> BUNDLES = List.of("messages", "problems");
    private static final Map<Locale, List<ResourceBundle>> BY_LOCALE = new ConcurrentHashMap<>();

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
        for (ResourceBundle bundle : bundles(locale)) {
            // asked rather than caught: most keys are in the second bundle, and a request renders several
            if (!bundle.containsKey(key)) {
                continue;
            }
            String pattern = bundle.getString(key);
            Object[] rendered = args.stream()
                    .map(a -> a instanceof Key k ? text(locale, k.key(), List.of()) : String.valueOf(a)).toArray();
            return new MessageFormat(pattern, locale).format(rendered);
        }
        return null;
    }

    /** The bundles there are for {@code locale}, in the order they are read (an app may have no bundle of its own). */
    private static List<ResourceBundle> bundles(Locale locale) {
        return BY_LOCALE.computeIfAbsent(locale, l -> {
            List<ResourceBundle> found = new ArrayList<>();
            for (String name : BUNDLES) {
                try {
                    found.add(ResourceBundle.getBundle(name, l, NO_FALLBACK));
                } catch (MissingResourceException absent) {
                    // not in this app
                }
            }
            return List.copyOf(found);
        });
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
