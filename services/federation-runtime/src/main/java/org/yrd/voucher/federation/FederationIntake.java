package org.yrd.voucher.federation;

/**
 * Where the apps' Kafka consumers run: a worker pool of their own ({@code @Blocking(FederationIntake.POOL)}), sized
 * by {@code smallrye.messaging.worker.federation-intake.max-concurrency} to one thread per channel. On the shared
 * worker pool a polled batch waited behind every HTTP request queued before it: at 50 cross-region filings a second
 * the issuing node applied the providers' answers 8 s late (docs/benchmarks.md).
 */
public final class FederationIntake {
    /** The pool's name. */
    public static final String POOL = "federation-intake";

    private FederationIntake() {}
}
