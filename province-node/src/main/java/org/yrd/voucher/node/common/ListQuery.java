package org.yrd.voucher.node.common;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.TimeSource;

/**
 * What an operator's list is searched by: {@code q}, words to find (a USCC, part of a name, an invoice or contract
 * number, whatever the list holds), and {@code from}/{@code to}, days in the programme's time zone, both included.
 * Every list of the operator's day reads its request through here, so each refuses the same inputs the same way.
 *
 * @param text   the words, or {@code ""} for any
 * @param from   the first instant included
 * @param before the first instant no longer included
 */
public record ListQuery(String text, OffsetDateTime from, OffsetDateTime before) {
    public static final int MAX_TEXT = 100;
    private static final OffsetDateTime EVER = OffsetDateTime.parse("2000-01-01T00:00:00+08:00");
    private static final OffsetDateTime NEVER = OffsetDateTime.parse("9999-01-01T00:00:00+08:00");

    /** The query parameters as given; a range that ends before it starts is refused, naming {@code to}. */
    public static ListQuery of(String q, String from, String to) {
        LocalDate first = Params.date("from", from);
        LocalDate last = Params.date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw ProblemException.invalid("to", "date-range", first);
        }
        String text = Params.text("q", q, MAX_TEXT);
        return new ListQuery(text == null ? "" : text,
                first == null ? EVER : first.atStartOfDay(TimeSource.PROGRAMME_ZONE).toOffsetDateTime(),
                last == null ? NEVER : last.plusDays(1).atStartOfDay(TimeSource.PROGRAMME_ZONE).toOffsetDateTime());
    }

    /** The words as a case-insensitive {@code ILIKE} pattern: a {@code %} or {@code _} typed is looked for literally. */
    public String like() {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The words as a code (USCCs are stored in capitals). */
    public String code() {
        return text.toUpperCase(Locale.ROOT);
    }
}
