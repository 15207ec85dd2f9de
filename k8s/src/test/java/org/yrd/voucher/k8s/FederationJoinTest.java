package org.yrd.voucher.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCodec;
import org.yrd.voucher.events.EventSignatures;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.TrustedKeys;

/**
 * deploy/federation-join.sh, the runbook's steps (docs/deploy.md), run end to end for Shanghai: the secrets it writes
 * are the ones the charts' values name, with the keys the charts read; the key pair it makes signs events the hub
 * then trusts; the password the hub issues is the one the province's node gets; what the hub publishes is what the
 * province's values say; and a rotation of the hub's key leaves the province trusting both keys as the code expects.
 */
class FederationJoinTest {
    private static final Path SCRIPT = Rendered.K8S.resolve("../deploy/federation-join.sh").normalize();

    @TempDir
    Path work;

    @Test
    void aProvinceJoinsWithTheSecretsItsValuesNameAndTheHubTrustsItsKey() throws Exception {
        JsonNode sh = Rendered.YAML.readTree(Files.readString(Rendered.VALUES.resolve("sh.yaml")));
        JsonNode hubValues = Rendered.YAML.readTree(Files.readString(Rendered.VALUES.resolve("hub.yaml")));
        run("openssl", "req", "-x509", "-newkey", "ed25519", "-keyout", "ca.key", "-out", "ca.crt", "-nodes", "-days", "30",
                "-subj", "/CN=YRD federation CA");
        run("openssl", "genpkey", "-algorithm", "ed25519", "-out", "hub.key.pem");
        run("openssl", "pkey", "-in", "hub.key.pem", "-pubout", "-out", "hub.pub.pem");
        String bootstrap = sh.path("kafka").path("bootstrap").asText();

        run(SCRIPT.toString(), "request", "SH", "sh");
        run(SCRIPT.toString(), "admit", "SH", "hub", "sh/request", "--ca", "ca.crt", "--hub-key", "hub.pub.pem",
                "--bootstrap", bootstrap, "--kafka-cidr", hubValues.path("published").path("kafkaCidr").asText(),
                "--web-cidr", hubValues.path("published").path("webCidr").asText(),
                "--hub-url", "https://" + hubValues.path("ingress").path("host").asText());
        run(SCRIPT.toString(), "install", "SH", "sh", "hub/admission-sh");

        // the province's secrets: the names its values file uses, the keys its chart reads
        Map<String, String> signing = secret("sh/node-signing.yaml", sh.path("secrets").path("signing").asText(), "yrd-sh");
        assertThat(signing).containsOnlyKeys("SH.key.pem");
        assertThat(secret("sh/federation-ca.yaml", sh.path("kafka").path("caSecret").asText(), "yrd-sh"))
                .containsOnlyKeys("ca.crt");
        Map<String, String> credentials = secret("sh/kafka-credentials.yaml", sh.path("kafka").path("passwordSecret").asText(), "yrd-sh");
        assertThat(secret("sh/hub-keys.yaml", sh.path("secrets").path("trust").asText(), "yrd-sh")).containsOnlyKeys("hub.pub.pem");
        // the hub's: the province's key among its trusted ones, the password the KafkaUser node-sh reads
        Map<String, String> federationKeys = secret("hub/federation-keys.yaml",
                hubValues.path("secrets").path("trust").asText(), "yrd-hub");
        assertThat(federationKeys).containsOnlyKeys("SH.pub.pem");
        Map<String, String> issued = secret("hub/kafka-node-sh.yaml", "kafka-node-sh", "yrd-hub");
        assertThat(issued.get("password")).hasSizeGreaterThanOrEqualTo(40).isEqualTo(credentials.get("password"));
        assertThat(Rendered.ofKind("hub", "KafkaUser").stream().filter(u -> u.path("metadata").path("name").asText()
                .equals("node-sh")).findFirst().orElseThrow().path("spec").path("authentication").path("password")
                .path("valueFrom").path("secretKeyRef").path("name").asText()).isEqualTo("kafka-node-sh");

        // what the hub published is what the province's values say
        JsonNode published = Rendered.YAML.readTree(Files.readString(work.resolve("sh/published.yaml")));
        assertThat(published.path("kafka")).isEqualTo(Rendered.YAML.createObjectNode()
                .put("bootstrap", bootstrap).set("egress", sh.path("kafka").path("egress")));
        assertThat(published.path("hub")).isEqualTo(sh.path("hub"));

        // the key pair openssl made is the federation's: signed by the province, trusted by the hub
        Path hubTrust = Files.createDirectories(work.resolve("hub-mounted"));
        Files.writeString(hubTrust.resolve("SH.pub.pem"), federationKeys.get("SH.pub.pem"));
        Path provinceKey = work.resolve("mounted-SH.key.pem");
        Files.writeString(provinceKey, signing.get("SH.key.pem"));
        CloudEvent e = EventSignatures.sign(EventCodec.envelope("urn:yrd:node:SH", EventTypes.REDEMPTION_REQUESTED, "r-1",
                Instant.now(), Map.of("redemptionId", "r-1")), EventSignatures.readPrivate(provinceKey));
        assertThat(TrustedKeys.of(hubTrust, "SH").verify(e)).isTrue();
        assertThat(TrustedKeys.of(hubTrust, "JS").verify(e)).isFalse();
    }

    @Test
    void aRotationOfTheHubsKeyRewritesTheProvincesTrust() throws Exception {
        Path trust = Files.createDirectories(work.resolve("sh/trust"));
        run("openssl", "genpkey", "-algorithm", "ed25519", "-out", "old.key.pem");
        run("openssl", "pkey", "-in", "old.key.pem", "-pubout", "-out", "sh/trust/hub.pub.pem");
        run("openssl", "genpkey", "-algorithm", "ed25519", "-out", "new.key.pem");
        run("openssl", "pkey", "-in", "new.key.pem", "-pubout", "-out", "new.pub.pem");

        run(Map.of("NAMESPACE", "yrd-sh"), SCRIPT.toString(), "rotate-next", "hub", "sh/trust", "new.pub.pem");
        assertThat(secret("sh/hub-keys.yaml", "hub-keys", "yrd-sh")).containsOnlyKeys("hub.pub.pem", "hub.next.pub.pem");
        run(Map.of("NAMESPACE", "yrd-sh"), SCRIPT.toString(), "rotate-switch", "hub", "sh/trust", "2027-03-01T00:00:00Z");
        assertThat(secret("sh/hub-keys.yaml", "hub-keys", "yrd-sh"))
                .containsOnlyKeys("hub.pub.pem", "hub.retired-20270301T000000Z.pub.pem");
        assertThat(TrustedKeys.of(trust, "hub").keys()).extracting(k -> k.retiredAt())
                .containsExactlyInAnyOrder(null, Instant.parse("2027-03-01T00:00:00Z"));
        // the new key is now the current one
        CloudEvent e = EventSignatures.sign(EventCodec.envelope("urn:yrd:hub", EventTypes.REDEMPTION_REQUESTED, "r-1",
                Instant.parse("2027-03-02T00:00:00Z"), Map.of("redemptionId", "r-1")),
                EventSignatures.readPrivate(work.resolve("new.key.pem")));
        assertThat(TrustedKeys.of(trust, "hub").verify(e)).isTrue();
    }

    @Test
    void aStepWithAWrongProvinceOrAMissingPublishedValueIsRefused() throws Exception {
        assertThat(exit(Map.of(), SCRIPT.toString(), "request", "XX", "x")).isEqualTo(2);
        run(SCRIPT.toString(), "request", "JS", "js");
        assertThat(exit(Map.of(), SCRIPT.toString(), "request", "JS", "js")).as("a key pair is made once").isEqualTo(2);
        assertThat(exit(Map.of(), SCRIPT.toString(), "admit", "JS", "hub", "js/request", "--ca", "ca.crt"))
                .isEqualTo(2);
    }

    /** The data of a Secret manifest the script wrote, decoded, after checking its name and namespace. */
    private Map<String, String> secret(String file, String name, String namespace) throws IOException {
        JsonNode s = Rendered.YAML.readTree(Files.readString(work.resolve(file)));
        assertThat(s.path("kind").asText()).isEqualTo("Secret");
        assertThat(s.path("metadata").path("name").asText()).as(file).isEqualTo(name);
        assertThat(s.path("metadata").path("namespace").asText()).as(file).isEqualTo(namespace);
        Map<String, String> data = new java.util.TreeMap<>();
        s.path("data").fields().forEachRemaining(f -> data.put(f.getKey(),
                new String(Base64.getDecoder().decode(f.getValue().asText()), StandardCharsets.UTF_8)));
        return data;
    }

    private void run(String... command) throws Exception {
        run(Map.of(), command);
    }

    private void run(Map<String, String> env, String... command) throws Exception {
        assertThat(exit(env, command)).as(String.join(" ", command)).isZero();
    }

    private int exit(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder b = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        b.environment().putAll(env);
        Process p = b.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
