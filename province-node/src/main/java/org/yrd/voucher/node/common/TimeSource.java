package org.yrd.voucher.node.common;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The clock and the programme's calendar: decisions take "today" in Asia/Shanghai. */
@ApplicationScoped
public class TimeSource {
    public static final ZoneId PROGRAMME_ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(PROGRAMME_ZONE));
    }
}
