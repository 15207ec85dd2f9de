package org.yrd.voucher.node.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

@Alternative
@Priority(1)
@Singleton
public class TestClockProducer {
    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock clock() {
        return TestClock.INSTANCE;
    }
}
