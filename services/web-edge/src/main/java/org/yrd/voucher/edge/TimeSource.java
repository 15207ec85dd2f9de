package org.yrd.voucher.edge;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The clock, the id generator and the programme's calendar: decisions take "today" in Asia/Shanghai. Tests
 * replace the clock or the ids with an alternative bean.
 */
@ApplicationScoped
public class TimeSource {
    public static final ZoneId PROGRAMME_ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    Ids ids() {
        return UUID::randomUUID;
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(PROGRAMME_ZONE));
    }

    /** A timestamp column of a native query (the driver may give any of three types), in UTC; null stays null. */
    public static java.time.OffsetDateTime utc(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof java.time.OffsetDateTime t) {
            return t;
        }
        if (column instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) column).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    /** A moment as a person in the programme reads it on paper or in a sheet: {@code yyyy-MM-dd HH:mm:ss}, China time. */
    public static String local(java.time.OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(PROGRAMME_ZONE).toLocalDateTime().toString().replace('T', ' ');
    }

    /** A native query's {@code date} column as a {@link java.time.LocalDate} (null stays null). */
    public static java.time.LocalDate date(Object column) {
        return column == null ? null : column instanceof java.time.LocalDate d ? d : ((java.sql.Date) column).toLocalDate();
    }
}
