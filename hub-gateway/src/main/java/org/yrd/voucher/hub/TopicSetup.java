package org.yrd.voucher.hub;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.yrd.voucher.events.Topics;

/**
 * The hub operator runs Kafka: the hub makes sure the compacted topics exist as compacted topics. Where the topics
 * are declared elsewhere (Strimzi KafkaTopic resources, k8s/), {@code hub.topic-setup.enabled=false} leaves them be.
 */
@ApplicationScoped
public class TopicSetup {
    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    void create(@Observes StartupEvent ignored, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                @ConfigProperty(name = "hub.topic-setup.enabled", defaultValue = "true") boolean enabled) {
        if (!enabled) {
            return;
        }
        Map<String, String> compacted = Map.of("cleanup.policy", "compact");
        List<NewTopic> topics = List.of(
                new NewTopic(Topics.PROVIDER_REGISTRY, 3, (short) 1).configs(compacted),
                new NewTopic(Topics.CREDIT, 3, (short) 1).configs(compacted));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (NewTopic t : topics) {
                try {
                    admin.createTopics(List.of(t)).all().get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("could not create topic %s: %s", t.name(), e.getCause().toString());
                    }
                }
            }
        } catch (Exception e) {
            LOG.warnf(e, "Kafka not reachable at start-up; the compacted topics are created on first use instead");
        }
    }
}
