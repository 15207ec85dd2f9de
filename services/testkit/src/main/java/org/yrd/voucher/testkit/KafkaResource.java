package org.yrd.voucher.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a {@code @QuarkusTest} at the real Kafka broker this test JVM forked. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", KafkaBroker.bootstrapServers());
    }

    @Override
    public void stop() {
        // one broker serves the whole test JVM
    }
}
