package org.yrd.voucher.node.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.yrd.voucher.node.common.NodeConfig;

/**
 * The node's clock: the system's, which the demo data alone may set back while it plays a few months of history
 * (so that every record, audit entry and federation event of that history carries the day it happened), and
 * returns to the present when it is done. It can move only with {@code node.demo-data}, which the production
 * profile refuses.
 */
@ApplicationScoped
public class DemoClock {
    private final AtomicReference<Duration> behind = new AtomicReference<>(Duration.ZERO);
    private final boolean demo;

    DemoClock(NodeConfig config) {
        this.demo = config.demoData();
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return new Shifted(ZoneOffset.UTC);
    }

    /** Sets the clock to {@code at} (in the past); {@link #present()} returns it to now. */
    void travelTo(Instant at) {
        if (!demo) {
            throw new IllegalStateException("only the demo data sets the clock");
        }
        behind.set(Duration.between(at, Instant.now()));
    }

    void present() {
        behind.set(Duration.ZERO);
    }

    private final class Shifted extends Clock {
        private final ZoneId zone;

        Shifted(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Shifted(other);
        }

        @Override
        public Instant instant() {
            return Instant.now().minus(behind.get());
        }
    }
}
