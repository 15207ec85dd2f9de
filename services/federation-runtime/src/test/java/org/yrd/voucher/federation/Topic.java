package org.yrd.voucher.federation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCodec;

/** Reads what reached a topic of the real broker, as a consumer in another app would. */
final class Topic {
    private Topic() {}

    /** The events with {@code key} on {@code topic}, in the order the broker holds them. */
    static List<CloudEvent> eventsWithKey(String bootstrap, String topic, String key, int expected) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "runtime-test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        List<CloudEvent> seen = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (var consumer = new KafkaConsumer<String, String>(p)) {
            consumer.subscribe(List.of(topic));
            while (seen.size() < expected && System.nanoTime() < until) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        seen.add(EventCodec.read(r.value()));
                    }
                }
            }
        }
        return seen;
    }
}
