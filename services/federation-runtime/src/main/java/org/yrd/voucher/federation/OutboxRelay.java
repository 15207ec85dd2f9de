package org.yrd.voucher.federation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox in id order (idempotent producer, acks=all) and marks what the broker acknowledged
 * as sent. While the broker is down rows simply wait: nothing is lost and local work goes on. Delivery is
 * at least once; consumers keep an inbox so that the effect is exactly once.
 * <p>
 * Each batch is signed as it is sent: one Ed25519 signature of the root of the batch's Merkle tree, each event
 * carrying its proof ({@link Signing#signBatch}, docs/security.md), so a batch of n events costs one signature, not n,
 * and no request waits for one.
 * <p>
 * One transaction per cycle: the rows the broker acknowledged are marked in the transaction that selects the
 * next batch, or on their own once the outbox has gone quiet. A crash in between only means those rows are
 * published again, which the consumers' inboxes absorb.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final EntityManager em;
    @Inject
    @Channel("federation-out")
    MutinyEmitter<String> emitter;
    private final OutboxSignal signal;
    private final Signing signing;
    private volatile boolean running = true;
    private Thread thread;

    private final Clock clock;

    private final Duration linger;

    /** Rows the broker acknowledged that are not yet marked, and when; touched by the relay thread only. */
    private Long[] acked = new Long[0];
    private OffsetDateTime ackedAt;
    /** Whether the last send found no broker; touched by the relay thread only. */
    private boolean brokerAway;

    /** {@code yrd.federation.relay.linger}: how long the relay gathers commits after a wake-up. */
    OutboxRelay(EntityManager em, OutboxSignal signal, Clock clock, Signing signing,
                @ConfigProperty(name = "yrd.federation.relay.linger", defaultValue = "15ms") Duration linger) {
        this.signing = signing;
        this.linger = linger;
        this.em = em;
        this.signal = signal;
        this.clock = clock;
    }

    void start(@Observes StartupEvent ignored) {
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        signal.release();
    }

    private void loop() {
        while (running) {
            try {
                int sent = relayOnce();
                if (sent < BATCH) {
                    // woken by a commit, wait a moment for the commits right behind it: one transaction and
                    // one send then carry many events instead of one each (a few ms more per hop)
                    if (signal.await(500)) {
                        sleep(linger);
                    } else {
                        markAckedAlone();
                    }
                }
            } catch (Exception e) {
                LOG.warnf("outbox relay: %s; retrying", e.toString());
                sleep(Duration.ofSeconds(1));
            }
        }
        try {
            markAckedAlone();
        } catch (Exception e) {
            LOG.debugf("outbox relay stopping: %s; the last batch will be published again", e.toString());
        }
    }

    /** Sends one batch; returns how many rows the broker acknowledged. */
    @SuppressWarnings("unchecked")
    int relayOnce() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> {
            markAcked();
            return em.createNativeQuery(
                            "SELECT id, topic, event_key, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT " + BATCH)
                    .getResultList();
        });
        acked = new Long[0];
        if (rows.isEmpty()) {
            return 0;
        }
        List<String> records = signing.signBatch(rows.stream().map(r -> (String) r[3]).toList());
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            var meta = OutgoingKafkaRecordMetadata.<String>builder().withTopic((String) r[1]).withKey((String) r[2]).build();
            CompletableFuture<Void> ack = new CompletableFuture<>();
            emitter.sendMessageAndForget(Message.of(records.get(i))
                    .addMetadata(meta)
                    .withAck(() -> {
                        ack.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(t -> {
                        ack.completeExceptionally(t);
                        return CompletableFuture.completedFuture(null);
                    }));
            acks.add(ack);
        }
        // only the acknowledged prefix is marked, so a key's events are never published out of order
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get(30, TimeUnit.SECONDS);
                sent.add(((Number) rows.get(i)[0]).longValue());
            } catch (Exception e) {
                LOG.debugf("outbox row %s not acknowledged: %s", rows.get(i)[0], e.toString());
                if (!brokerAway) {
                    // one line while the broker is away, not one per attempt (the client's own warnings are muted)
                    LOG.warnf("Kafka broker not reachable (%s, no acknowledgement): federation events wait in the "
                            + "outbox, local work goes on", rootMessage(e));
                    brokerAway = true;
                }
                break;
            }
        }
        if (brokerAway && !sent.isEmpty()) {
            LOG.info("Kafka broker reachable again: the outbox is being published");
            brokerAway = false;
        }
        acked = sent.toArray(new Long[0]);
        ackedAt = OffsetDateTime.now(clock);
        return sent.size();
    }

    /** Marks the acknowledged rows in a transaction of their own, when no next batch will carry them. */
    private void markAckedAlone() {
        if (acked.length > 0) {
            QuarkusTransaction.requiringNew().run(this::markAcked);
            acked = new Long[0];
        }
    }

    /** Marks the acknowledged rows as sent, at the time the broker acknowledged them, in the caller's transaction. */
    private void markAcked() {
        if (acked.length > 0) {
            em.createNativeQuery("UPDATE outbox SET sent_at = ?1 WHERE id = ANY(?2)")
                    .setParameter(1, ackedAt).setParameter(2, acked).executeUpdate();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
