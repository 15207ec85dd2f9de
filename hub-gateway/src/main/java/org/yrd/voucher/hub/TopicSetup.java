package org.yrd.voucher.hub;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.hub.common.HubConfig;

/**
 * The hub operator runs Kafka: the hub makes sure the compacted topics exist as compacted topics. It does so beside
 * the start, not in its way: while the broker is away the hub already serves what it holds (the catalogue, the
 * statistics), and the topics are made once the broker answers. Where the topics are declared elsewhere (Strimzi
 * KafkaTopic resources, k8s/), {@code hub.topic-setup.enabled=false} leaves them be.
 */
@ApplicationScoped
public class TopicSetup {
    private static final Logger LOG = Logger.getLogger(TopicSetup.class);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    private final ManagedExecutor executor;
    private volatile boolean stopping;

    TopicSetup(ManagedExecutor executor) {
        this.executor = executor;
    }

    void start(@Observes StartupEvent ignored, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
               HubConfig config) {
        if (config.topicSetup().enabled()) {
            executor.runAsync(() -> createUntilDone(bootstrap));
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        stopping = true;
    }

    private void createUntilDone(String bootstrap) {
        Duration wait = Duration.ofSeconds(1);
        boolean warned = false;
        while (!stopping) {
            try {
                create(bootstrap);
                if (warned) {
                    LOG.info("Kafka answers again: the compacted topics are in place");
                }
                return;
            } catch (Exception e) {
                if (!warned) {
                    LOG.warnf("Kafka not reachable at %s; the hub serves meanwhile and makes its topics when it is (%s)",
                            bootstrap, e.toString());
                    warned = true;
                }
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        }
    }

    private static void create(String bootstrap) throws Exception {
        Map<String, String> compacted = Map.of("cleanup.policy", "compact");
        List<NewTopic> topics = List.of(
                new NewTopic(Topics.PROVIDER_REGISTRY, 3, (short) 1).configs(compacted),
                new NewTopic(Topics.CREDIT, 3, (short) 1).configs(compacted));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000))) {
            for (NewTopic t : topics) {
                try {
                    admin.createTopics(List.of(t)).all().get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }
}
