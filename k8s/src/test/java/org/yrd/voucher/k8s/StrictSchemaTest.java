package org.yrd.voucher.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The strict schema check (k8s/validate/validate.mjs) refuses what the API server and the operators would silently
 * drop or refuse: a misspelt key at any depth of any kind the charts render, a value of the wrong type, a missing
 * required field and an apiVersion the pinned operators do not serve. The misspellings are generated: random keys
 * of every rendered object, each changed the way a hand changes them (a letter dropped, doubled or swapped), each
 * in a copy of its object, and every one must be named in the check's answer.
 */
class StrictSchemaTest {
    /** Keys under these are free-form in their schemas (labels, Kafka or component config, resource names…). */
    private static final Pattern FREE_FORM = Pattern.compile("(^|\\.)(labels|annotations|matchLabels|data|config"
            + "|parameters|requests|limits|attributes|placeholders|components|client|nodeSelector|smtpServer"
            + "|browserSecurityHeaders|truststores|subComponents)$|^spec\\.selector$");
    private static final int PER_DEPLOYMENT = 40;

    @Test
    void everyRenderedObjectPassesAsItIs() throws Exception {
        Path dir = Files.createTempDirectory(Rendered.K8S.resolve("target"), "strict-ok");
        for (String d : Rendered.deployments()) {
            write(dir.resolve(d + ".yaml"), Rendered.objects(d));
        }
        Result r = validate(dir);
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("matches its schema, strictly");
    }

    @Test
    void aMisspeltKeyAnywhereInAnyKindFailsNamingItsPath() throws Exception {
        Path dir = Files.createTempDirectory(Rendered.K8S.resolve("target"), "strict-typo");
        Map<String, String> expected = new LinkedHashMap<>(); // object name -> the misspelt path
        Random random = new Random(20261202);
        for (String d : Rendered.deployments()) {
            List<JsonNode> copies = new ArrayList<>();
            List<JsonNode> objects = Rendered.objects(d);
            for (int i = 0; i < PER_DEPLOYMENT; i++) {
                ObjectNode copy = objects.get(i % objects.size()).deepCopy();
                List<Key> keys = new ArrayList<>();
                collect(copy, "", keys);
                Key pick = keys.get(random.nextInt(keys.size()));
                String typo = misspell(pick.name, random);
                String id = "typo-" + d + "-" + i;
                pick.parent.set(typo, pick.parent.remove(pick.name));
                ((ObjectNode) copy.path("metadata")).put("name", id);
                expected.put(id, (pick.path.isEmpty() ? "" : pick.path + ".") + typo);
                copies.add(copy);
            }
            write(dir.resolve(d + ".yaml"), copies);
        }
        Result r = validate(dir);
        assertThat(r.exit).isNotZero();
        List<String> missed = new ArrayList<>();
        expected.forEach((id, path) -> {
            if (!r.output.contains(" " + id + ": " + path + ": ")) {
                missed.add(id + " " + path);
            }
        });
        assertThat(missed).as("misspellings the check let through (of %d)\n%s", expected.size(), r.output).isEmpty();
    }

    @Test
    void aWrongTypeAMissingRequiredFieldAndAnUnservedApiVersionFail() throws Exception {
        Path dir = Files.createTempDirectory(Rendered.K8S.resolve("target"), "strict-wrong");
        ObjectNode kafka = Rendered.ofKind("hub", "Kafka").get(0).deepCopy();
        ((ObjectNode) kafka.path("metadata")).put("name", "wrong-type");
        ((ObjectNode) kafka.path("spec").path("kafka").path("listeners").get(0)).put("port", "9093");
        ObjectNode missing = Rendered.ofKind("hub", "Kafka").get(0).deepCopy();
        ((ObjectNode) missing.path("metadata")).put("name", "missing");
        ((ObjectNode) missing.path("spec").path("kafka")).remove("listeners");
        ObjectNode old = Rendered.ofKind("hub", "KafkaTopic").get(0).deepCopy();
        ((ObjectNode) old.path("metadata")).put("name", "old-version");
        old.put("apiVersion", "kafka.strimzi.io/v1beta2");
        ObjectNode deployment = Rendered.ofKind("sh", "Deployment").get(0).deepCopy();
        ((ObjectNode) deployment.path("metadata")).put("name", "wrong-apps");
        deployment.put("apiVersion", "apps/v1beta1");
        write(dir.resolve("wrong.yaml"), List.of(kafka, missing, old, deployment));
        Result r = validate(dir);
        assertThat(r.exit).isNotZero();
        assertThat(r.output).contains("Kafka wrong-type: spec.kafka.listeners[0].port: Type 'string' is not assignable")
                .contains("Kafka missing: data/spec/kafka must have required property listeners")
                .contains("KafkaTopic old-version: apiVersion kafka.strimzi.io/v1beta2 is not served")
                .contains("Deployment wrong-apps: apiVersion apps/v1beta1 is not served");
    }

    /** A key of an object, and the path of that object as the check prints it. */
    private record Key(ObjectNode parent, String path, String name) {}

    /** Every key whose object is not free-form, but what names the object (apiVersion, kind, metadata.name). */
    private static void collect(JsonNode node, String path, List<Key> out) {
        if (node instanceof ObjectNode o) {
            if (FREE_FORM.matcher(path).find()) {
                return;
            }
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String k : names) {
                boolean identity = path.isEmpty() && (k.equals("apiVersion") || k.equals("kind") || k.equals("metadata"))
                        || path.equals("metadata") && k.equals("name");
                if (!identity) {
                    out.add(new Key(o, path, k));
                }
                collect(o.get(k), path.isEmpty() ? k : path + "." + k, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", out);
            }
        }
    }

    /** A letter dropped, doubled or two swapped: never the same key, never empty. */
    static String misspell(String key, Random random) {
        int i = random.nextInt(key.length());
        String typo = switch (key.length() < 3 ? 1 : random.nextInt(3)) {
            case 0 -> key.substring(0, i) + key.substring(i + 1);
            case 1 -> key.substring(0, i + 1) + key.charAt(i) + key.substring(i + 1);
            default -> {
                int j = Math.min(i + 1, key.length() - 1);
                int a = j == i ? i - 1 : i;
                yield key.substring(0, a) + key.charAt(a + 1) + key.charAt(a) + key.substring(a + 2);
            }
        };
        return typo.equals(key) || typo.isEmpty() ? key + "x" : typo;
    }

    private static void write(Path file, List<JsonNode> objects) throws IOException {
        StringBuilder out = new StringBuilder();
        for (JsonNode o : objects) {
            out.append("---\n").append(Rendered.YAML.writeValueAsString(o).replaceFirst("^---\n", ""));
        }
        Files.writeString(file, out.toString());
    }

    private record Result(int exit, String output) {}

    private static Result validate(Path dir) throws Exception {
        Process p = new ProcessBuilder("node", "validate.mjs", dir.toString())
                .directory(Rendered.K8S.resolve("validate").toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
