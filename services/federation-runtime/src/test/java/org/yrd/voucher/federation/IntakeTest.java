package org.yrd.voucher.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCheck;
import org.yrd.voucher.events.EventCodec;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;
import org.yrd.voucher.testkit.TestKeys;

/** The one intake on its own, with a real PostgreSQL: what it applies, retries, skips and quarantines. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class IntakeTest {
    static final String TYPE = "yrd.test.noted.v1";

    @Inject
    Intake intake;

    @Inject
    EntityManager em;

    record Note(String name) {}

    static String record(String name, Long sequence, String subject) {
        CloudEvent e = EventCodec.envelope(CloudEvent.HUB_SOURCE, TYPE, subject, Instant.now(), new Note(name));
        return EventCodec.write(TestKeys.signedBy("hub", sequence == null ? e : e.withSequence(sequence)));
    }

    static Route route(List<String> applied, java.util.function.Consumer<String> before) {
        return Route.from(EventCheck.Origin.HUB).on(TYPE, Note.class, (e, n) -> {
            before.accept(n.name());
            applied.add(n.name());
        });
    }

    String reasonOf(String record) throws Exception {
        String sha = Quarantine.sha256(record.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<?> reasons = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT reason FROM quarantine WHERE record_sha256 = ?1").setParameter(1, sha).getResultList());
        return reasons.isEmpty() ? null : reasons.get(0).toString();
    }

    boolean recorded(String record) {
        UUID id = UUID.fromString(EventCodec.read(record).id());
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM inbox WHERE event_id = ?1").setParameter(1, id).getSingleResult()).intValue() == 1);
    }

    @Test
    void aPassingDatabaseFailureIsRetriedUntilTheEventIsAppliedOnceAndNothingIsQuarantined() throws Exception {
        List<String> applied = new CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        String r = record("after-an-outage", null, UUID.randomUUID().toString());
        intake.take("test-in", List.of(r), route(applied, name -> {
            if (failures.incrementAndGet() <= 3) {
                throw new RuntimeException(new SQLException("the connection was lost", "08006"));
            }
        }));
        assertThat(applied).containsExactly("after-an-outage");
        assertThat(reasonOf(r)).isNull();
    }

    @Test
    void anEventItsHandlerCannotApplyIsQuarantinedAndTheRestOfItsBatchApplied() throws Exception {
        List<String> applied = new CopyOnWriteArrayList<>();
        String a = record("a", null, "k-a"), bad = record("bad", null, "k-b"), c = record("c", null, "k-c");
        String refused = record("refused", null, "k-r");
        intake.take("test-in", List.of(a, bad, refused, c), route(applied, name -> {
            if (name.equals("bad")) {
                throw new RuntimeException(new SQLException("value too long for type character varying(18)", "22001"));
            }
            if (name.equals("refused")) {
                throw new EventRefused(EventCheck.Reason.TRANSITION, "not from the state held");
            }
        }));
        // what committed: the inbox records exactly the events whose effect committed with it
        assertThat(recorded(a)).isTrue();
        assertThat(recorded(c)).isTrue();
        assertThat(recorded(bad)).isFalse();
        assertThat(recorded(refused)).isFalse();
        assertThat(reasonOf(bad)).isEqualTo("UNAPPLICABLE");
        assertThat(reasonOf(refused)).isEqualTo("TRANSITION");
        assertThat(reasonOf(a)).isNull();
    }

    @Test
    void anOlderStateThanTheOneAppliedIsSkippedWhateverTheInboxRemembers() {
        List<String> applied = new CopyOnWriteArrayList<>();
        String subject = "party-" + UUID.randomUUID();
        Route states = route(applied, name -> {}).carriesStates();
        String first = record("first", 1L, subject), second = record("second", 2L, subject);
        intake.take("test-states", List.of(second), states);
        intake.take("test-states", List.of(first), states);          // late, or replayed
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM inbox").executeUpdate());
        intake.take("test-states", List.of(second, first), states);  // both again after the inbox forgot them
        assertThat(applied).containsExactly("second");
        intake.take("test-states", List.of(record("third", 3L, subject)), states);
        assertThat(applied).containsExactly("second", "third");
    }

    @Test
    void whatIsNotASignedEventOfThisChannelIsQuarantinedWithItsReason() throws Exception {
        List<String> applied = new CopyOnWriteArrayList<>();
        Map<String, String> records = Map.of(
                "not json", "MALFORMED",
                EventCodec.write(EventCodec.envelope(CloudEvent.HUB_SOURCE, TYPE, "s", Instant.now(), new Note("u"))), "SIGNATURE",
                EventCodec.write(TestKeys.signedBy("SH", EventCodec.envelope(CloudEvent.nodeSource("SH"), TYPE, "s",
                        Instant.now(), new Note("n")))), "WRONG_SOURCE",
                record("x", null, "s").replace(TYPE, "yrd.test.other.v1"), "UNKNOWN_TYPE");
        intake.take("test-in", List.copyOf(records.keySet()), route(applied, name -> {}));
        assertThat(applied).isEmpty();
        for (var r : records.entrySet()) {
            assertThat(reasonOf(r.getKey())).as(r.getKey()).isEqualTo(r.getValue());
        }
    }

    @Test
    void everyFeatureSubscribedToATypeAppliesItInOrderAndAnEventRememberedAsAppliedReachesNone() {
        List<String> applied = new CopyOnWriteArrayList<>();
        String fresh = record("fresh", null, UUID.randomUUID().toString());
        String replayed = record("replayed-after-the-inbox-forgot-it", null, UUID.randomUUID().toString());
        Route route = Route.from(EventCheck.Origin.HUB)
                .on(TYPE, Note.class, (e, n) -> applied.add("first:" + n.name()))
                .batches(() -> new Route.Batch() {
                    final List<String> held = new java.util.ArrayList<>();

                    @Override
                    public void apply(CloudEvent e, Object payload) {
                        held.add(((Note) payload).name());
                    }

                    @Override
                    public void finish() {
                        held.forEach(n -> applied.add("batch:" + n));
                    }
                })
                .on(TYPE, Note.class, (e, n) -> applied.add("second:" + n.name()))
                .remembers(TYPE, e -> e.id().equals(EventCodec.read(replayed).id()));
        intake.take("test-in", List.of(fresh, replayed), route);
        assertThat(applied).containsExactly("first:fresh", "second:fresh", "batch:fresh");
        assertThat(recorded(replayed)).isTrue(); // taken, not quarantined: a stale event is no fault of its sender
    }

    @Test
    void aTypeCannotCarryTwoPayloads() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Route.from(EventCheck.Origin.HUB)
                .accepts(TYPE, Note.class).accepts(TYPE, String.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(TYPE);
    }
}
