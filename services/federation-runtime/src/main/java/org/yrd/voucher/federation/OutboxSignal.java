package org.yrd.voucher.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes the relay when an outbox row has committed, so events leave at once rather than at the next poll. */
@ApplicationScoped
public class OutboxSignal {
    private final Semaphore wake = new Semaphore(0);

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.Written ignored) {
        wake.release();
    }

    void release() {
        wake.release();
    }

    /** Waits up to {@code millis} for a commit; true if one woke it. */
    boolean await(long millis) throws InterruptedException {
        boolean woken = wake.tryAcquire(millis, TimeUnit.MILLISECONDS);
        wake.drainPermits();
        return woken;
    }
}
