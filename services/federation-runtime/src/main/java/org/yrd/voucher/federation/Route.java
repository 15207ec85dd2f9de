package org.yrd.voucher.federation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCheck;

/**
 * What a channel takes: who may send on it, each event type it accepts with the payload that type carries, and which
 * features apply it. Anything else is refused by the {@link Intake} before it is applied. Each feature subscribes to
 * the types it owns ({@link #on}, or {@link #batches} for one that writes a transaction's events together); an event
 * several features care for reaches each of them, in the order they subscribed, in one transaction.
 */
public final class Route {
    /** What one transaction's events do to a feature: each applied in order, then {@link #finish()} before the commit. */
    public interface Batch {
        void apply(CloudEvent e, Object payload);

        default void finish() {}
    }

    final EventCheck.Origin origin;
    boolean states;
    final Map<String, Class<?>> payloads = new LinkedHashMap<>();
    private final Map<String, List<BiConsumer<CloudEvent, Object>>> effects = new LinkedHashMap<>();
    private final List<Supplier<? extends Batch>> batches = new ArrayList<>();
    private final Map<String, Predicate<CloudEvent>> appliedBefore = new LinkedHashMap<>();

    private Route(EventCheck.Origin origin) {
        this.origin = origin;
    }

    /** A channel only {@code origin} may send on. */
    public static Route from(EventCheck.Origin origin) {
        return new Route(origin);
    }

    /** Events of {@code type} carry a {@code payload}, and {@code effect} applies them (besides any others'). */
    @SuppressWarnings("unchecked")
    public <T> Route on(String type, Class<T> payload, BiConsumer<CloudEvent, T> effect) {
        accepts(type, payload);
        effects.computeIfAbsent(type, t -> new ArrayList<>()).add((e, p) -> effect.accept(e, (T) p));
        return this;
    }

    /** Events of {@code type} carry a {@code payload}; a feature's {@link #batches} applies them. */
    public Route accepts(String type, Class<?> payload) {
        Class<?> before = payloads.putIfAbsent(type, payload);
        if (before != null && before != payload) {
            throw new IllegalArgumentException(type + " carries " + before.getSimpleName() + ", not "
                    + payload.getSimpleName());
        }
        return this;
    }

    /**
     * A feature that writes a transaction's events together: a new batch for each transaction is given every event
     * the channel accepts (it takes the ones it owns) and finished before the commit.
     */
    public Route batches(Supplier<? extends Batch> batches) {
        this.batches.add(batches);
        return this;
    }

    /**
     * Events of {@code type} are remembered for good by {@code appliedBefore}, longer than the inbox: one it says was
     * applied already (a replay after the inbox forgot it) is skipped by every feature and counted as stale.
     */
    public Route remembers(String type, Predicate<CloudEvent> appliedBefore) {
        this.appliedBefore.put(type, appliedBefore);
        return this;
    }

    /**
     * Its events each carry the whole state of their subject, numbered by the producer
     * ({@link Outbox#publishState}): only a newer one than the one applied is applied, an older one (a replay) is
     * counted and skipped.
     */
    public Route carriesStates() {
        this.states = true;
        return this;
    }

    boolean appliedBefore(CloudEvent e) {
        Predicate<CloudEvent> check = appliedBefore.get(e.type());
        return check != null && check.test(e);
    }

    Batch batch() {
        List<Batch> open = batches.stream().<Batch>map(Supplier::get).toList();
        return new Batch() {
            @Override
            public void apply(CloudEvent e, Object payload) {
                for (BiConsumer<CloudEvent, Object> effect : effects.getOrDefault(e.type(), List.of())) {
                    effect.accept(e, payload);
                }
                for (Batch b : open) {
                    b.apply(e, payload);
                }
            }

            @Override
            public void finish() {
                open.forEach(Batch::finish);
            }
        };
    }
}
