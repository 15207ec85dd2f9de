package org.yrd.voucher.federation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCheck;

/**
 * What a channel takes: who may send on it, each event type it accepts with the payload that type carries, and what
 * applying a batch of them does. Anything else is refused by the {@link Intake} before it is applied.
 */
public final class Route {
    /** What one transaction's events do: each applied in order, then {@link #finish()} before the commit. */
    public interface Batch {
        void apply(CloudEvent e, Object payload);

        default void finish() {}
    }

    final EventCheck.Origin origin;
    boolean states;
    final Map<String, Class<?>> payloads = new LinkedHashMap<>();
    private final Map<String, BiConsumer<CloudEvent, Object>> effects = new LinkedHashMap<>();
    private Supplier<? extends Batch> batches = () -> (e, payload) -> effects.get(e.type()).accept(e, payload);

    private Route(EventCheck.Origin origin) {
        this.origin = origin;
    }

    /** A channel only {@code origin} may send on. */
    public static Route from(EventCheck.Origin origin) {
        return new Route(origin);
    }

    /** Events of {@code type} carry a {@code payload} and are applied by {@code effect}. */
    @SuppressWarnings("unchecked")
    public <T> Route on(String type, Class<T> payload, BiConsumer<CloudEvent, T> effect) {
        payloads.put(type, payload);
        effects.put(type, (e, p) -> effect.accept(e, (T) p));
        return this;
    }

    /** Events of {@code type} carry a {@code payload}; a {@link #batches} applies them. */
    public Route accepts(String type, Class<?> payload) {
        payloads.put(type, payload);
        return this;
    }

    /** A batch for each transaction, for channels whose events are written together. */
    public Route batches(Supplier<? extends Batch> batches) {
        this.batches = batches;
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

    Batch batch() {
        return batches.get();
    }
}
