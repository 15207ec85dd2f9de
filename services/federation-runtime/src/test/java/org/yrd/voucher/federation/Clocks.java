package org.yrd.voucher.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The clock the apps get from web-edge; the runtime is tested without the apps. */
@ApplicationScoped
class Clocks {
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
