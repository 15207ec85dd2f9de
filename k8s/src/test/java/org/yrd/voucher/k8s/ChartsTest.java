package org.yrd.voucher.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yrd.voucher.events.Topics;

/** What a province installs holds the security properties docs/deploy.md promises, for every values file. */
class ChartsTest {
    private static final List<String> PROVINCES = List.of("SH", "JS", "ZJ", "AH");

    @ParameterizedTest
    @ValueSource(strings = {"sh", "js", "zj", "ah", "hub"})
    void everyChartLintsCleanWithItsValues(String deployment) throws IOException {
        // helm lint reads the chart's own values.yaml: lint a copy whose values are the deployment's
        Path copy = Rendered.K8S.resolve("target/lint/" + deployment);
        copyFollowingLinks(Rendered.chartFor(deployment), copy);
        ObjectNode values = (ObjectNode) Rendered.YAML.readTree(copy.resolve("values.yaml").toFile());
        merge(values, Rendered.YAML.readTree(Rendered.VALUES.resolve(deployment + ".yaml").toFile()));
        Rendered.YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
        var result = new Helm(copy).lint().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "js", "zj", "ah", "hub"})
    void everyContainerRunsAsNonRootReadOnlyWithoutCapabilitiesAndWithLimits(String deployment) {
        List<JsonNode> deployments = Rendered.ofKind(deployment, "Deployment");
        assertThat(deployments).isNotEmpty();
        for (JsonNode d : deployments) {
            JsonNode pod = d.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
            for (JsonNode c : pod.path("containers")) {
                JsonNode sc = c.path("securityContext");
                assertThat(sc.path("runAsNonRoot").asBoolean()).as(c.path("name").asText()).isTrue();
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
                assertThat(texts(sc.path("capabilities").path("drop"))).contains("ALL");
                assertThat(c.path("resources").path("limits").path("cpu").asText()).isNotEmpty();
                assertThat(c.path("resources").path("limits").path("memory").asText()).isNotEmpty();
                assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
                assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
            }
        }
        assertThat(Rendered.ofKind(deployment, "PodDisruptionBudget")).hasSize(1);
        assertThat(Rendered.ofKind(deployment, "HorizontalPodAutoscaler")).hasSize(1);
        assertThat(Rendered.ofKind(deployment, "Service")).isNotEmpty();
        assertThat(Rendered.ofKind(deployment, "Ingress")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "js", "zj", "ah", "hub"})
    void theAppIsReachedOnlyFromTheIngressControllerAndReachesOnlyWhatItNeeds(String deployment) {
        JsonNode app = Rendered.ofKind(deployment, "Deployment").get(0);
        JsonNode labels = app.path("spec").path("template").path("metadata").path("labels");
        JsonNode policy = Rendered.ofKind(deployment, "NetworkPolicy").stream()
                .filter(p -> selects(p.path("spec").path("podSelector"), labels)).findFirst().orElseThrow();
        assertThat(texts(policy.path("spec").path("policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
        JsonNode ingress = policy.path("spec").path("ingress");
        assertThat(ingress).hasSize(1);
        assertThat(ingress.get(0).path("from").get(0).path("namespaceSelector").path("matchLabels")
                .path("kubernetes.io/metadata.name").asText()).isEqualTo("ingress-nginx");
        // egress: its database, Kafka, its identity provider, DNS; no rule without a destination (= anywhere)
        JsonNode egress = policy.path("spec").path("egress");
        assertThat(egress).hasSize(4);
        for (JsonNode rule : egress) {
            assertThat(rule.path("to")).as("every egress rule names where").isNotEmpty();
            assertThat(rule.path("ports")).isNotEmpty();
        }
        String all = egress.toString();
        assertThat(all).contains("cnpg.io/cluster", "strimzi.io/kind", "\"app\":\"keycloak\"", "kube-dns");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "js", "zj", "ah"})
    void eachNodeRunsItsOwnProvincesPolicyDatabaseAndIdentityProvider(String deployment) throws IOException {
        String province = deployment.toUpperCase();
        JsonNode config = Rendered.ofKind(deployment, "ConfigMap").get(0);
        assertThat(config.path("data").path("policy.yaml").asText())
                .isEqualTo(Files.readString(Rendered.K8S.resolve("../deploy/policies/" + province + ".yaml")));
        JsonNode env = Rendered.ofKind(deployment, "Deployment").get(0).path("spec").path("template").path("spec")
                .path("containers").get(0).path("env");
        assertThat(valueOf(env, "NODE_PROVINCE")).isEqualTo(province);
        assertThat(valueOf(env, "QUARKUS_OIDC_TOKEN_ISSUER")).endsWith("/realms/yrd-" + deployment);
        assertThat(Rendered.ofKind(deployment, "Cluster")).hasSize(2); // the node's and its identity provider's
        for (JsonNode c : Rendered.ofKind(deployment, "Cluster")) {
            assertThat(c.path("spec").path("instances").asInt()).isEqualTo(3);
            assertThat(c.path("spec").path("backup").path("barmanObjectStore").path("destinationPath").asText())
                    .startsWith("s3://");
        }
        assertThat(Rendered.ofKind(deployment, "ScheduledBackup")).hasSize(1);
        JsonNode realm = Rendered.ofKind(deployment, "KeycloakRealmImport").get(0).path("spec").path("realm");
        assertThat(realm.path("realm").asText()).isEqualTo("yrd-" + deployment);
        assertThat(realm.has("users")).as("no demo users in a province's realm").isFalse();
        assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
    }

    @Test
    void everyTopicTheCodeUsesExistsReplicatedThreeTimesAndStateTopicsAreCompacted() throws IllegalAccessException {
        Set<String> used = new HashSet<>();
        for (var f : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                used.add((String) f.get(null));
            }
        }
        PROVINCES.forEach(p -> used.add(Topics.nodeInbox(p)));
        List<JsonNode> topics = Rendered.ofKind("hub", "KafkaTopic");
        assertThat(topics).extracting(t -> t.path("spec").path("topicName").asText())
                .containsExactlyInAnyOrderElementsOf(used);
        for (JsonNode t : topics) {
            String name = t.path("spec").path("topicName").asText();
            assertThat(t.path("spec").path("replicas").asInt()).as(name).isEqualTo(3);
            assertThat(t.path("spec").path("config").path("min.insync.replicas").asInt()).as(name).isEqualTo(2);
            boolean state = name.equals(Topics.PROVIDER_REGISTRY) || name.equals(Topics.CREDIT);
            assertThat(t.path("spec").path("config").path("cleanup.policy").asText()).as(name)
                    .isEqualTo(state ? "compact" : "delete");
            if (!state) { // below the apps' 30 days of outbox and inbox retention
                assertThat(t.path("spec").path("config").path("retention.ms").asLong()).as(name)
                        .isPositive().isLessThan(30L * 24 * 3600 * 1000);
            }
        }
        JsonNode kafka = Rendered.ofKind("hub", "Kafka").get(0).path("spec").path("kafka");
        assertThat(kafka.path("listeners").get(0).path("tls").asBoolean()).isTrue();
        assertThat(kafka.path("listeners").get(0).path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        assertThat(kafka.path("authorization").path("type").asText()).isEqualTo("simple");
        assertThat(Rendered.ofKind("hub", "KafkaNodePool").get(0).path("spec").path("replicas").asInt()).isEqualTo(3);
    }

    @Test
    void eachNodeHasItsOwnKafkaUserThatReadsNoOtherNodesInbox() {
        List<JsonNode> users = Rendered.ofKind("hub", "KafkaUser");
        for (String p : PROVINCES) {
            JsonNode user = users.stream().filter(u -> u.path("metadata").path("name").asText()
                    .equals("node-" + p.toLowerCase())).findFirst().orElseThrow();
            Set<String> reads = new HashSet<>();
            Set<String> writes = new HashSet<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode r = acl.path("resource");
                Set<String> ops = new HashSet<>(texts(acl.path("operations")));
                assertThat(ops).as("no wildcard operation").doesNotContain("All");
                if (!r.path("type").asText().equals("topic")) {
                    continue;
                }
                assertThat(r.path("patternType").asText()).as("topics by their exact name").isEqualTo("literal");
                assertThat(r.path("name").asText()).doesNotContain("*");
                if (ops.contains("Read")) {
                    reads.add(r.path("name").asText());
                }
                if (ops.contains("Write")) {
                    writes.add(r.path("name").asText());
                }
            }
            assertThat(reads).containsExactlyInAnyOrder(Topics.PROVIDER_REGISTRY, Topics.CREDIT, Topics.nodeInbox(p));
            assertThat(writes).containsExactlyInAnyOrder(Topics.PROVIDER_ADMISSIONS, Topics.CREDIT_REPORTS,
                    Topics.USAGE, Topics.HUB_REQUESTS);
            // and the node takes that user's secret, no other
            JsonNode env = Rendered.ofKind(p.toLowerCase(), "Deployment").get(0).path("spec").path("template")
                    .path("spec").path("containers").get(0).path("env");
            assertThat(secretOf(env, "KAFKA_SASL_JAAS_CONFIG")).isEqualTo("node-" + p.toLowerCase());
        }
        assertThat(users).extracting(u -> u.path("metadata").path("name").asText()).contains("hub");
    }

    /** Secrets are referenced, never written: no Secret object, no credential in a value, none in the sources. */
    @Test
    void noSecretLiteralIsInTheTree() throws IOException {
        Pattern credential = Pattern.compile("(?i)(PASSWORD|SECRET|JAAS_CONFIG|HASH_KEY|CREDENTIALS?|_KEY_ID)$");
        for (String d : Rendered.deployments()) {
            assertThat(Rendered.ofKind(d, "Secret")).as(d).isEmpty();
            for (JsonNode app : Rendered.ofKind(d, "Deployment")) {
                for (JsonNode e : app.path("spec").path("template").path("spec").path("containers").get(0).path("env")) {
                    if (credential.matcher(e.path("name").asText()).find()) {
                        assertThat(e.has("value")).as(d + " " + e.path("name").asText() + " comes from a secret").isFalse();
                    }
                }
            }
        }
        Pattern literal = Pattern.compile("(?i)(BEGIN [A-Z ]*PRIVATE KEY|password\\s*[:=]\\s*\\S|\"value\"\\s*:\\s*\"demo\")");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Rendered.K8S)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/target/")
                    && !f.toString().contains("/node_modules/")).toList()) {
                if (literal.matcher(Files.readString(f)).find()) {
                    found.add(Rendered.K8S.relativize(f).toString());
                }
            }
        }
        for (String d : Rendered.deployments()) {
            if (literal.matcher(Files.readString(Rendered.OUT.resolve(d + ".yaml"))).find()) {
                found.add("rendered " + d);
            }
        }
        assertThat(found).isEmpty();
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        var it = selector.path("matchLabels").fields();
        boolean any = false;
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            any = true;
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText())) {
                return false;
            }
        }
        return any;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String valueOf(JsonNode env, String name) {
        for (JsonNode e : env) {
            if (e.path("name").asText().equals(name)) {
                return e.path("value").asText();
            }
        }
        return null;
    }

    private static String secretOf(JsonNode env, String name) {
        for (JsonNode e : env) {
            if (e.path("name").asText().equals(name)) {
                return e.path("valueFrom").path("secretKeyRef").path("name").asText();
            }
        }
        return null;
    }

    private static void merge(ObjectNode into, JsonNode from) {
        from.fields().forEachRemaining(e -> {
            JsonNode mine = into.get(e.getKey());
            if (mine instanceof ObjectNode o && e.getValue().isObject()) {
                merge(o, e.getValue());
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    private static void copyFollowingLinks(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
