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
        if (Files.exists(copy)) {
            try (Stream<Path> old = Files.walk(copy)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        copyFollowingLinks(Rendered.chartFor(deployment), copy);
        ObjectNode values = (ObjectNode) Rendered.YAML.readTree(copy.resolve("values.yaml").toFile());
        merge(values, Rendered.YAML.readTree(Rendered.VALUES.resolve(deployment + ".yaml").toFile()));
        Rendered.YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
        var result = new Helm(copy).lint().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "js", "zj", "ah", "hub"})
    void everyAppSignsItsFederationEventsByBatchByDefault(String deployment) {
        JsonNode env = Rendered.app(deployment).path("env");
        assertThat(Rendered.envValue(env, "YRD_FEDERATION_SIGNING_PER_BATCH")).isEqualTo("true");
        assertThat(Rendered.envValue(env, "YRD_SIGNING_KEY")).startsWith("/etc/yrd/signing/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "js", "zj", "ah", "hub"})
    void everyContainerRunsAsNonRootReadOnlyWithoutCapabilitiesAndWithLimits(String deployment) {
        List<JsonNode> deployments = Rendered.ofKind(deployment, "Deployment");
        assertThat(deployments).isNotEmpty();
        List<JsonNode> pods = new ArrayList<>();
        deployments.forEach(d -> pods.add(d.path("spec").path("template").path("spec")));
        Rendered.ofKind(deployment, "Pod").forEach(p -> pods.add(p.path("spec")));
        for (JsonNode pod : pods) {
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
            }
        }
        for (JsonNode d : deployments) {
            // the autoscaler owns the count: a replicas field would reset it at every upgrade
            assertThat(d.path("spec").has("replicas")).as("replicas beside an HPA").isFalse();
            JsonNode pod = d.path("spec").path("template").path("spec");
            assertThat(pod.path("topologySpreadConstraints")).extracting(t -> t.path("topologyKey").asText())
                    .contains("topology.kubernetes.io/zone", "kubernetes.io/hostname");
            JsonNode c = pod.path("containers").get(0);
            // Flyway may migrate for up to startupSeconds before liveness counts
            assertThat(c.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
            assertThat(c.path("startupProbe").path("failureThreshold").asInt() * c.path("startupProbe")
                    .path("periodSeconds").asInt()).isGreaterThanOrEqualTo(300);
            assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
            assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
            // behind the ingress: forwarded headers only from its pods, no Swagger UI in production
            assertThat(Rendered.envValue(c.path("env"), "YRD_HTTP_TRUSTED_PROXIES")).isNotBlank();
            assertThat(Rendered.envValue(c.path("env"), "QUARKUS_SWAGGER_UI_ENABLE")).isEqualTo("false");
        }
        assertThat(Rendered.ofKind(deployment, "PodDisruptionBudget")).hasSize(1);
        assertThat(Rendered.ofKind(deployment, "HorizontalPodAutoscaler")).hasSize(1);
        assertThat(Rendered.ofKind(deployment, "Service")).isNotEmpty();
        assertThat(Rendered.ofKind(deployment, "Ingress")).hasSize(1);
        assertThat(Rendered.ofKind(deployment, "ServiceMonitor")).hasSize(1);
        // helm test: readiness and one public endpoint, through the Service
        JsonNode test = Rendered.ofKind(deployment, "Pod").get(0);
        assertThat(test.path("spec").path("containers").get(0).path("args").toString())
                .contains("/q/health/ready", "/api/v1/public/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "js", "zj", "ah", "hub"})
    void everyAppsHeapLeavesTheJvmItsOwnMemoryWithinTheContainersLimit(String deployment) {
        JsonNode app = Rendered.app(deployment);
        long limit = bytes(app.path("resources").path("limits").path("memory").asText());
        int heapPercent = Integer.parseInt(Rendered.envValue(app.path("env"), "JAVA_MAX_MEM_RATIO"));
        // beside its heap an app's JVM needs about 250 MB of its own (docs/benchmarks.md): beyond the limit the
        // container would be killed under load rather than its heap collected
        assertThat(limit - limit * heapPercent / 100).as("memory beside the heap").isGreaterThanOrEqualTo(300L << 20);
        // the collector the node's benchmark measures (deploy/bench-node.sh)
        assertThat(Rendered.envValue(app.path("env"), "GC_CONTAINER_OPTIONS")).isEqualTo("-XX:+UseParallelGC");
    }

    /** A Kubernetes memory quantity in bytes: 1Gi, 512Mi, 2G, ... */
    private static long bytes(String quantity) {
        var m = Pattern.compile("(\\d+)([KMGT]i?)?").matcher(quantity);
        assertThat(m.matches()).as(quantity).isTrue();
        String unit = m.group(2) == null ? "" : m.group(2);
        long base = unit.endsWith("i") ? 1024 : 1000;
        int power = unit.isEmpty() ? 0 : "KMGT".indexOf(unit.charAt(0)) + 1;
        long value = Long.parseLong(m.group(1));
        for (int i = 0; i < power; i++) {
            value *= base;
        }
        return value;
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
        List<String> from = new ArrayList<>();
        for (JsonNode peer : ingress.get(0).path("from")) {
            from.add(peer.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText(
                    peer.path("podSelector").path("matchLabels").path("yrd.voucher/helm-test").asText()));
        }
        // the ingress controller, Prometheus, and the helm test pod (same namespace)
        assertThat(from).containsExactly("ingress-nginx", "monitoring", "true");
        // egress: its database, its identity provider, DNS, Kafka (and the hub); no rule without a destination
        JsonNode egress = policy.path("spec").path("egress");
        for (JsonNode rule : egress) {
            assertThat(rule.path("to")).as("every egress rule names where").isNotEmpty();
            assertThat(rule.path("ports")).isNotEmpty();
        }
        String all = egress.toString();
        assertThat(all).contains("cnpg.io/cluster", "\"app\":\"keycloak\"", "kube-dns");
        assertThat(all).contains(deployment.equals("hub") || deployment.equals("ah") ? "strimzi.io/kind" : "ipBlock");
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
        assertThat(Rendered.envValue(env, "NODE_PROVINCE")).isEqualTo(province);
        assertThat(Rendered.envValue(env, "QUARKUS_OIDC_TOKEN_ISSUER")).endsWith("/realms/yrd-" + deployment);
        JsonNode realm = Rendered.ofKind(deployment, "KeycloakRealmImport").get(0).path("spec").path("realm");
        assertThat(realm.path("realm").asText()).isEqualTo("yrd-" + deployment);
        // no demo users: only the node's (binding self-registered accounts) and Prometheus' service accounts
        assertThat(realm.path("users")).extracting(u -> u.path("username").asText())
                .containsExactly("service-account-yrd-node-admin", "service-account-yrd-monitoring");
        // the government identity platform only where the values name the province's own, with its secret from a
        // Secret; no demo endpoint or secret reaches a cluster
        JsonNode spec = Rendered.ofKind(deployment, "KeycloakRealmImport").get(0).path("spec");
        assertThat(spec.toString()).doesNotContain("demo-secret").doesNotContain("localhost");
        assertThat(spec.path("placeholders").path("NODE_ADMIN_CLIENT_SECRET").path("secret").path("name").asText())
                .isEqualTo("node-admin-client");
        assertThat(env.findValues("name")).extracting(JsonNode::asText).contains("NODE_IDENTITY_ADMIN_CLIENT_SECRET");
        if (province.equals("ZJ")) {
            JsonNode gov = realm.path("identityProviders").get(0).path("config");
            assertThat(gov.path("issuer").asText()).isEqualTo("https://legal-person.zj.example.gov.cn/oidc");
            assertThat(gov.path("clientSecret").asText()).isEqualTo("${GOV_CLIENT_SECRET}");
            assertThat(spec.path("placeholders").path("GOV_CLIENT_SECRET").path("secret").path("name").asText())
                    .isEqualTo("legal-person-client");
            assertThat(realm.path("identityProviderMappers")).extracting(m -> m.path("config").path("claim").asText())
                    .containsOnly("uscc", "company_kind", "");
            assertThat(Rendered.envValue(env, "NODE_GOVERNMENT_IDENTITY")).isEqualTo("gov");
        } else {
            assertThat(realm.has("identityProviders")).isFalse();
            assertThat(env.findValues("name")).extracting(JsonNode::asText).doesNotContain("NODE_GOVERNMENT_IDENTITY");
        }
        assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
        assertThat(realm.path("roles").path("realm")).extracting(r -> r.path("name").asText()).contains("monitoring");
        JsonNode keycloak = Rendered.ofKind(deployment, "Keycloak").get(0).path("spec");
        assertThat(keycloak.path("ingress").path("tlsSecret").asText()).as("Keycloak's public ingress has TLS")
                .isEqualTo(keycloak.path("http").path("tlsSecret").asText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "js", "zj", "ah", "hub"})
    void everyDatabaseIsBackedUpByTheBarmanCloudPluginAndOutlivesAnUninstall(String deployment) {
        List<JsonNode> clusters = Rendered.ofKind(deployment, "Cluster");
        assertThat(clusters).hasSize(2); // the app's and its identity provider's
        Map<String, JsonNode> stores = new java.util.HashMap<>();
        Rendered.ofKind(deployment, "ObjectStore").forEach(o -> stores.put(o.path("metadata").path("name").asText(), o));
        Set<String> scheduled = new HashSet<>();
        for (JsonNode b : Rendered.ofKind(deployment, "ScheduledBackup")) {
            assertThat(b.path("spec").path("method").asText()).isEqualTo("plugin");
            assertThat(b.path("spec").path("pluginConfiguration").path("name").asText())
                    .isEqualTo("barman-cloud.cloudnative-pg.io");
            scheduled.add(b.path("spec").path("cluster").path("name").asText());
        }
        for (JsonNode c : clusters) {
            String name = c.path("metadata").path("name").asText();
            assertThat(c.path("spec").has("backup")).as("no deprecated barmanObjectStore").isFalse();
            assertThat(c.path("spec").path("instances").asInt()).isEqualTo(3);
            assertThat(c.path("metadata").path("annotations").path("helm.sh/resource-policy").asText()).isEqualTo("keep");
            JsonNode plugin = c.path("spec").path("plugins").get(0);
            assertThat(plugin.path("name").asText()).isEqualTo("barman-cloud.cloudnative-pg.io");
            assertThat(plugin.path("isWALArchiver").asBoolean()).isTrue();
            JsonNode store = stores.get(plugin.path("parameters").path("barmanObjectName").asText());
            assertThat(store).as(name + "'s object store").isNotNull();
            assertThat(store.path("spec").path("configuration").path("destinationPath").asText()).startsWith("s3://");
            assertThat(store.path("metadata").path("annotations").path("helm.sh/resource-policy").asText()).isEqualTo("keep");
            assertThat(scheduled).as("a ScheduledBackup for every cluster, the identity provider's too").contains(name);
        }
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
        assertThat(kafka.path("listeners")).hasSize(2);
        for (JsonNode listener : kafka.path("listeners")) {
            String name = listener.path("name").asText();
            assertThat(listener.path("tls").asBoolean()).as(name).isTrue();
            assertThat(listener.path("authentication").path("type").asText()).as(name).isEqualTo("scram-sha-512");
            // Strimzi's own network policy for the listener admits only these peers (without them: everyone)
            assertThat(listener.path("networkPolicyPeers")).as(name).isNotEmpty();
            for (JsonNode peer : listener.path("networkPolicyPeers")) {
                assertThat(peer.has("namespaceSelector")).as(name + ": no namespace-wide peer").isFalse();
                if (name.equals("external")) {
                    assertThat(peer.path("ipBlock").path("cidr").asText()).as("the provinces' ranges").isNotBlank();
                } else {
                    assertThat(peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText())
                            .isEqualTo("yrd-hub");
                }
            }
        }
        JsonNode external = kafka.path("listeners").get(1);
        assertThat(external.path("type").asText()).isEqualTo("loadbalancer");
        assertThat(external.path("configuration").path("brokerCertChainAndKey").path("secretName").asText())
                .as("the federation CA's certificate, not Strimzi's cluster CA").isNotBlank();
        assertThat(external.path("configuration").path("loadBalancerSourceRanges")).isNotEmpty();
        assertThat(kafka.path("rack").path("topologyKey").asText()).isEqualTo("topology.kubernetes.io/zone");
        assertThat(kafka.path("authorization").path("type").asText()).isEqualTo("simple");
        JsonNode pool = Rendered.ofKind("hub", "KafkaNodePool").get(0);
        assertThat(pool.path("spec").path("replicas").asInt()).isEqualTo(3);
        for (JsonNode data : List.of(pool, Rendered.ofKind("hub", "Kafka").get(0))) {
            assertThat(data.path("metadata").path("annotations").path("helm.sh/resource-policy").asText()).isEqualTo("keep");
        }
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
                if (!r.path("type").asText().equals("topic") || r.path("name").asText().startsWith("m")) {
                    // Connect's own topics of a mirroring province, under its own prefix (checked below)
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
            // its password is the one the hub issued, which Strimzi never changes
            assertThat(user.path("spec").path("authentication").path("password").path("valueFrom")
                    .path("secretKeyRef").path("name").asText()).isEqualTo("kafka-node-" + p.toLowerCase());
            List<String> prefixes = new ArrayList<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                if (acl.path("resource").path("patternType").asText().equals("prefix")) {
                    prefixes.add(acl.path("resource").path("name").asText());
                }
            }
            // a mirroring province (AH in these values) also gets Connect's topics and group, under its prefix only
            assertThat(prefixes).containsExactlyInAnyOrderElementsOf(p.equals("AH")
                    ? List.of("node-AH-", "mirrormaker2-AH-", "mirrormaker2-AH-") : List.of("node-" + p + "-"));
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
                        // a value may only name the password Kubernetes takes from a secret, $(KAFKA_PASSWORD)
                        assertThat(e.path("value").asText().replace("$(KAFKA_PASSWORD)", ""))
                                .as(d + " " + e.path("name").asText() + " comes from a secret")
                                .doesNotContainPattern("password=\"[^\"]").doesNotContain("secret");
                        if (e.has("value")) {
                            assertThat(e.path("value").asText()).contains("password=\"$(KAFKA_PASSWORD)\"");
                        }
                    }
                }
            }
        }
        // a password written anywhere, but a secret's key named "password" or the reference $(KAFKA_PASSWORD)
        Pattern literal = Pattern.compile("(?i)(BEGIN [A-Z ]*PRIVATE KEY|password[ \\t]*[:=][ \\t]*(?!password\\b|\"\\$\\(KAFKA_PASSWORD\\)\")\\S"
                + "|\"value\"\\s*:\\s*\"demo\")");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Rendered.K8S)) {
            // the validator's generated modules are the rendered manifests again (checked below), JSON-escaped
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/target/")
                    && !f.toString().contains("/node_modules/") && !f.toString().contains("/src/test/")
                    && !f.toString().contains("/validate/generated/")).toList()) {
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
