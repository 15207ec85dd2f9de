package org.yrd.voucher.policy;

import java.time.LocalDate;
import java.time.MonthDay;

/** A yearly period in which enterprises may apply, e.g. 03-01 to 05-31; may wrap over the new year. */
public record ApplicationWindow(MonthDay from, MonthDay to) {
    public boolean contains(LocalDate day) {
        MonthDay d = MonthDay.from(day);
        if (!from.isAfter(to)) {
            return !d.isBefore(from) && !d.isAfter(to);
        }
        return !d.isBefore(from) || !d.isAfter(to);
    }
}
