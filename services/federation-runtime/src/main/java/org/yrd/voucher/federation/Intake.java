package org.yrd.voucher.federation;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCheck;

/**
 * The one way a record from Kafka reaches the database, at the hub and at every node: parse, check the envelope,
 * the sender and the signature, check the payload, deduplicate (the {@link Inbox}), skip a state older than the one
 * held ({@link Route#carriesStates()}), apply; whatever is refused on
 * the way goes to the {@link Quarantine} with its reason, and the channel goes on. No record can stop a channel:
 * <ul>
 *   <li>a record that fails a check is quarantined before anything is applied;</li>
 *   <li>an event its handler refuses ({@link EventRefused}) or cannot apply (a constraint, a value the table does not
 *       hold) is quarantined and the rest of its batch applied without it: the batch is rolled back and applied
 *       again, event by event if the failure cannot be told to one of them;</li>
 *   <li>a passing failure (the database away, a deadlock, a lock timeout) is retried with backoff, without end: a
 *       genuine event is never skipped because the database was down.</li>
 * </ul>
 */
@ApplicationScoped
public class Intake {
    private static final Logger LOG = Logger.getLogger(Intake.class);
    static final long MAX_BACKOFF_MS = 5_000;

    private final Inbox inbox;
    private final Signing signing;
    private final Quarantine quarantine;
    private final MeterRegistry meters;
    /** Set as the app begins to stop: from then on nothing is quarantined or acknowledged for a failure. */
    private volatile boolean stopping;

    Intake(Inbox inbox, Signing signing, Quarantine quarantine, MeterRegistry meters) {
        this.inbox = inbox;
        this.signing = signing;
        this.quarantine = quarantine;
        this.meters = meters;
    }

    /**
     * The app is stopping: a failure from now on is the app's (its database closing), never the event's, so the
     * record is left unacknowledged and comes again at the next start (the inbox keeps its effect single).
     */
    void stopping(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    private void keep(String channel, String record, CloudEvent e, EventCheck.Refused refused) {
        if (stopping) {
            throw new IllegalStateException("the app is stopping: the record is left for the next start");
        }
        quarantine.keep(channel, record, e, refused);
    }

    /** A checked event with its payload and the record it came from. */
    record Accepted(CloudEvent event, Object payload, String record) {}

    /** Applies what is acceptable of {@code records} (one poll of {@code channel}), quarantines the rest. */
    public void take(String channel, List<String> records, Route route) {
        List<Accepted> accepted = new ArrayList<>(records.size());
        for (String record : records) {
            Accepted a = check(channel, record, route);
            if (a != null) {
                accepted.add(a);
            }
        }
        apply(channel, accepted, route);
    }

    private Accepted check(String channel, String record, Route route) {
        var envelope = EventCheck.envelope(record, route.origin);
        if (!envelope.ok()) {
            keep(channel, record, null, envelope.refused());
            return null;
        }
        CloudEvent e = envelope.value();
        Class<?> type = route.payloads.get(e.type());
        if (type == null) {
            keep(channel, record, e, new EventCheck.Refused(EventCheck.Reason.UNKNOWN_TYPE,
                    "this channel does not take " + Quarantine.bounded(e.type(), 100)));
            return null;
        }
        // signed with the key of the party it names as its source (docs/security.md)
        String unsigned = signing.refusal(e);
        if (unsigned != null) {
            keep(channel, record, e, new EventCheck.Refused(EventCheck.Reason.SIGNATURE, unsigned));
            return null;
        }
        var payload = EventCheck.payload(e, type);
        if (!payload.ok()) {
            keep(channel, record, e, payload.refused());
            return null;
        }
        return new Accepted(e, payload.value(), record);
    }

    /**
     * Applies the events in one transaction; an event refused or failing on its own is quarantined and the others
     * applied again without it; a failure that names no event splits the batch into single events.
     */
    private void apply(String channel, List<Accepted> events, Route route) {
        List<Accepted> pending = new ArrayList<>(events);
        while (!pending.isEmpty()) {
            Failure failure = attempt(channel, pending, route);
            if (failure == null) {
                return;
            }
            if (failure.event != null) {
                keep(channel, failure.event.record, failure.event.event, failure.refused);
                pending.remove(failure.event);
            } else if (pending.size() == 1) {
                Accepted only = pending.remove(0);
                keep(channel, only.record, only.event, failure.refused);
            } else {
                for (Accepted one : pending) {
                    apply(channel, List.of(one), route);
                }
                return;
            }
        }
    }

    private static EventRefused refusal(Throwable failed) {
        for (Throwable t = failed; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof EventRefused r) {
                return r;
            }
        }
        return null;
    }

    private record Failure(Accepted event, EventCheck.Refused refused) {}

    /** Null once the batch is committed; otherwise what failed (the event, if the failure is its own). */
    private Failure attempt(String channel, List<Accepted> events, Route route) {
        Map<CloudEvent, Accepted> byEvent = new IdentityHashMap<>();
        events.forEach(a -> byEvent.put(a.event, a));
        for (int attempt = 1; ; attempt++) {
            Accepted[] current = new Accepted[1];
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    Route.Batch batch = route.batch();
                    inbox.eachFirstDelivery(events.stream().map(Accepted::event).toList(), e -> {
                        current[0] = byEvent.get(e);
                        if (route.states && !inbox.newerState(channel, e) || route.appliedBefore(e)) {
                            // P13, P14: an old standing replayed never overrides a newer one, and an event replayed
                            // after the inbox forgot it is not applied twice
                            meters.counter("yrd_stale_events_total", "channel", channel).increment();
                            return;
                        }
                        batch.apply(e, current[0].payload);
                    });
                    current[0] = null;
                    batch.finish();
                });
                return null;
            } catch (RuntimeException failed) {
                if (stopping || Thread.currentThread().isInterrupted()) {
                    throw failed; // not acknowledged: applied after the restart
                }
                EventRefused refused = refusal(failed);
                if (refused != null) {
                    return new Failure(current[0], refused.refused());
                }
                if (Retry.passing(failed)) {
                    long backoff = Math.min(MAX_BACKOFF_MS, 20L * attempt * attempt);
                    if (attempt % 10 == 0) {
                        LOG.warnf("still retrying a batch of %d after %d attempts: %s", events.size(), attempt,
                                Retry.summary(failed));
                    }
                    meters.counter("yrd_intake_retries_total").increment();
                    if (!Retry.sleep(backoff)) {
                        throw failed;
                    }
                    continue;
                }
                // a failure of unknown kind gets two more chances before it is taken for the event's own; a value
                // the table cannot hold or a constraint (SQLSTATE classes 22, 23) is the event's at once
                if (attempt < 3 && !Retry.contentRefused(failed)) {
                    Retry.sleep(100L * attempt);
                    continue;
                }
                LOG.warnf(failed, "an event could not be applied");
                return new Failure(current[0], new EventCheck.Refused(EventCheck.Reason.UNAPPLICABLE,
                        Retry.summary(failed)));
            }
        }
    }
}
