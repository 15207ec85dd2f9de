package org.yrd.voucher.testkit;

import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCodec;

/** Puts hand-made records on the real broker, as another party of the federation would. */
public final class EventProducer implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final Clock clock;

    public EventProducer(String bootstrapServers) {
        this(bootstrapServers, Clock.systemUTC());
    }

    /** With the clock that stamps the events' {@code time}. */
    public EventProducer(String bootstrapServers, Clock clock) {
        this.clock = clock;
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not send to " + topic, e.getCause());
        }
    }

    /**
     * Wraps {@code data} in a CloudEvents envelope from {@code source}, signed with the run's key of that source
     * ({@link TestKeys}), sends it and returns it.
     */
    public CloudEvent publish(String topic, String source, String type, String key, Object data) {
        CloudEvent e = EventCodec.envelope(source, type, key, clock.instant(), data);
        return send(topic, key, TestKeys.signedBy(e.signer(), e));
    }

    /** Sends an event as it is (unsigned, or signed by whoever the test chose) and returns it. */
    public CloudEvent send(String topic, String key, CloudEvent e) {
        send(topic, key, EventCodec.write(e));
        return e;
    }

    @Override
    public void close() {
        producer.close();
    }
}
