package org.yrd.voucher.policy;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A yearly period in which enterprises may apply, e.g. 03-01 to 05-31; may wrap over the new year. A {@code draw}
 * window (P6 fair allocation) collects applications until it closes and then allocates them by lottery
 * ({@link Draw}) instead of first come, first served.
 */
public record ApplicationWindow(MonthDay from, MonthDay to, boolean draw) {
    public ApplicationWindow(MonthDay from, MonthDay to) {
        this(from, to, false);
    }

    public boolean contains(LocalDate day) {
        MonthDay d = MonthDay.from(day);
        if (!from.isAfter(to)) {
            return !d.isBefore(from) && !d.isAfter(to);
        }
        return !d.isBefore(from) || !d.isAfter(to);
    }

    /** The day this window opens in the occurrence that contains {@code day} (or the next one). */
    public LocalDate opensFor(LocalDate day) {
        // a window over the new year that contains a January day opened the year before
        boolean wrapped = from.isAfter(to) && !MonthDay.from(day).isAfter(to);
        return from.atYear(wrapped ? day.getYear() - 1 : day.getYear());
    }

    /** The last day of the occurrence that opens on {@code opensOn}. */
    public LocalDate closesAfter(LocalDate opensOn) {
        LocalDate close = to.atYear(opensOn.getYear());
        return close.isBefore(opensOn) ? to.atYear(opensOn.getYear() + 1) : close;
    }
}
