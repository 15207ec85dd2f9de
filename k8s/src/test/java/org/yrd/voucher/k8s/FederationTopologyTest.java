package org.yrd.voucher.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Five installations in five clusters: the hub's (k8s/values/hub.yaml) and each province's (k8s/values/<p>.yaml),
 * rendered separately, each in its own namespace. Every province's node, or its MirrorMaker 2, must point at what
 * the hub publishes and at nothing else: the external listener's bootstrap address, the federation CA, the user the
 * hub made for it with the password it issued, its own signing key and the hub's public key, and egress only to
 * the hub's published CIDRs and ports.
 */
class FederationTopologyTest {

    /** What the hub's installation publishes, read from what it renders and its values. */
    private record Published(String bootstrap, String kafkaCidr, int kafkaPort, String webCidr, String hubUrl,
                             Set<String> users, String strimziCa) {
        static Published read() throws IOException {
            JsonNode values = Rendered.YAML.readTree(Files.readString(Rendered.VALUES.resolve("hub.yaml")));
            JsonNode kafka = Rendered.ofKind("hub", "Kafka").get(0);
            JsonNode external = null;
            for (JsonNode l : kafka.path("spec").path("kafka").path("listeners")) {
                if (l.path("name").asText().equals("external")) {
                    external = l;
                }
            }
            assertThat(external).as("the hub publishes an external listener").isNotNull();
            JsonNode config = external.path("configuration");
            String kafkaCidr = values.path("published").path("kafkaCidr").asText();
            // every load balancer of the listener is inside the published range
            List<String> ips = new ArrayList<>();
            ips.add(config.path("bootstrap").path("loadBalancerIP").asText());
            config.path("brokers").forEach(b -> ips.add(b.path("loadBalancerIP").asText()));
            for (String ip : ips) {
                assertThat(inside(ip, kafkaCidr)).as(ip + " in " + kafkaCidr).isTrue();
            }
            Set<String> users = new HashSet<>();
            Rendered.ofKind("hub", "KafkaUser").forEach(u -> users.add(u.path("metadata").path("name").asText()));
            String host = Rendered.ofKind("hub", "Ingress").get(0).path("spec").path("rules").get(0).path("host").asText();
            return new Published(config.path("bootstrap").path("alternativeNames").get(0).asText() + ":"
                    + external.path("port").asInt(), kafkaCidr, external.path("port").asInt(),
                    values.path("published").path("webCidr").asText(), "https://" + host, users,
                    kafka.path("metadata").path("name").asText() + "-cluster-ca-cert");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "js", "zj", "ah"})
    void eachProvinceReachesTheHubOnlyThroughWhatTheHubPublishes(String p) throws IOException {
        Published hub = Published.read();
        JsonNode values = Rendered.YAML.readTree(Files.readString(Rendered.VALUES.resolve(p + ".yaml")));
        String user = "node-" + p;
        String password = values.path("kafka").path("passwordSecret").asText();
        String ca = values.path("kafka").path("caSecret").asText();
        JsonNode app = Rendered.app(p);
        JsonNode env = app.path("env");
        boolean mirrored = values.path("kafka").path("mirror").path("enabled").asBoolean();
        assertThat(hub.users).as("the hub made the user this province signs in as").contains(user);
        assertThat(ca).as("the federation CA, never a copy of Strimzi's cluster CA").isNotEqualTo(hub.strimziCa);
        if (mirrored) {
            // the node talks to the province's own Kafka; MirrorMaker 2 to the hub's listener, both ways
            assertThat(Rendered.envValue(env, "KAFKA_BOOTSTRAP")).isEqualTo(user + "-kafka-kafka-bootstrap:9093");
            List<JsonNode> mirrors = Rendered.ofKind(p, "KafkaMirrorMaker2");
            assertThat(mirrors).hasSize(2);
            for (JsonNode mm : mirrors) {
                JsonNode target = mm.path("spec").path("target");
                JsonNode source = mm.path("spec").path("mirrors").get(0).path("source");
                JsonNode atHub = target.path("alias").asText().equals("hub") ? target : source;
                assertThat(atHub.path("alias").asText()).isEqualTo("hub");
                assertThat(atHub.path("bootstrapServers").asText()).isEqualTo(hub.bootstrap);
                assertThat(atHub.path("tls").path("trustedCertificates").get(0).path("secretName").asText()).isEqualTo(ca);
                assertThat(atHub.path("authentication").path("username").asText()).isEqualTo(user);
                assertThat(atHub.path("authentication").path("passwordSecret").path("secretName").asText())
                        .isEqualTo(password);
                assertThat(mm.path("spec").path("mirrors").get(0).path("sourceConnector").path("config").path("replication.policy.class").asText())
                        .endsWith("IdentityReplicationPolicy");
            }
        } else {
            assertThat(Rendered.envValue(env, "KAFKA_BOOTSTRAP")).isEqualTo(hub.bootstrap);
            assertThat(Rendered.envValue(env, "KAFKA_SASL_JAAS_CONFIG")).contains("username=\"" + user + "\"");
            assertThat(Rendered.envSecret(env, "KAFKA_PASSWORD")).isEqualTo(password);
            assertThat(kafkaCaOf(p)).isEqualTo(ca);
        }
        // its own signing key only, and the hub's public keys
        assertThat(Rendered.envValue(env, "YRD_SIGNING_KEY")).endsWith("/" + p.toUpperCase() + ".key.pem");
        JsonNode volumes = Rendered.ofKind(p, "Deployment").get(0).path("spec").path("template").path("spec").path("volumes");
        for (JsonNode v : volumes) {
            if (v.path("name").asText().equals("signing")) {
                assertThat(v.path("secret").path("items")).extracting(i -> i.path("key").asText())
                        .containsExactly(p.toUpperCase() + ".key.pem");
            }
            if (v.path("name").asText().equals("trust")) {
                assertThat(v.path("secret").path("secretName").asText()).isEqualTo(values.path("secrets").path("trust").asText());
            }
        }
        // the witness: the hub's public address
        assertThat(Rendered.envValue(env, "NODE_HUB_URL")).isEqualTo(hub.hubUrl);
        Set<String> outside = new HashSet<>();
        for (JsonNode policy : Rendered.ofKind(p, "NetworkPolicy")) {
            for (JsonNode rule : policy.path("spec").path("egress")) {
                for (JsonNode to : rule.path("to")) {
                    if (to.has("ipBlock")) {
                        rule.path("ports").forEach(port -> outside.add(to.path("ipBlock").path("cidr").asText() + ":"
                                + port.path("port").asInt()));
                    }
                    String ns = to.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText("");
                    assertThat(ns).as("no egress to another namespace but DNS").isIn("", "kube-system");
                }
            }
        }
        // egress outside the cluster: exactly the hub's published ranges and ports, and the province's own mail
        // server where the values send notifications by mail
        Set<String> expected = new HashSet<>(Set.of(hub.kafkaCidr + ":" + hub.kafkaPort, hub.webCidr + ":443"));
        if (values.path("mail").path("enabled").asBoolean()) {
            values.path("mail").path("egress").forEach(e -> expected.add(e.path("cidr").asText() + ":" + e.path("port").asInt()));
        }
        assertThat(outside).containsExactlyInAnyOrderElementsOf(expected);
        // nothing of the hub's cluster is named in the province's: no service or namespace of it
        assertThat(Files.readString(Rendered.OUT.resolve(p + ".yaml"))).doesNotContain("yrd-hub", ".svc");
    }

    private static String kafkaCaOf(String p) {
        for (JsonNode v : Rendered.ofKind(p, "Deployment").get(0).path("spec").path("template").path("spec").path("volumes")) {
            if (v.path("name").asText().equals("kafka-ca")) {
                return v.path("secret").path("secretName").asText();
            }
        }
        return null;
    }

    /** Whether an IPv4 address is inside a CIDR. */
    static boolean inside(String ip, String cidr) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (ipv4(ip) & mask) == (ipv4(parts[0]) & mask);
    }

    private static long ipv4(String ip) {
        long out = 0;
        for (String octet : ip.split("\\.")) {
            out = (out << 8) | Integer.parseInt(octet);
        }
        return out;
    }
}
