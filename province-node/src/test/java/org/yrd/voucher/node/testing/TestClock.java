package org.yrd.voucher.node.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.yrd.voucher.edge.TimeSource;

/** A clock tests set by hand: fixed at 2026-04-15 10:00 Shanghai unless a test moves it. */
public final class TestClock extends Clock {
    public static final Instant DEFAULT = Instant.parse("2026-04-15T02:00:00Z");
    public static final TestClock INSTANCE = new TestClock();

    private volatile Instant now = DEFAULT;

    private TestClock() {}

    public void set(Instant instant) {
        now = instant;
    }

    /** 10:00 in Shanghai on that day. */
    public void setDay(LocalDate day) {
        now = day.atTime(10, 0).atZone(TimeSource.PROGRAMME_ZONE).toInstant();
    }

    public void reset() {
        now = DEFAULT;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
