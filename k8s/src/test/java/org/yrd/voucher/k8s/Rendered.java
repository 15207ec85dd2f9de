package org.yrd.voucher.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a province would install: each values file of {@code k8s/values} rendered with its chart by the Helm that
 * helm-java embeds, written to {@code target/rendered/<values>.yaml} (for the schema check after the tests) and
 * parsed into objects.
 */
final class Rendered {
    static final Path K8S = Path.of("").toAbsolutePath();
    static final Path VALUES = K8S.resolve("values");
    static final Path OUT = K8S.resolve("target/rendered");
    static final ObjectMapper YAML = new YAMLMapper();
    private static final Map<String, List<JsonNode>> CACHE = new ConcurrentHashMap<>();

    private Rendered() {}

    /** The chart a values file is for: the hub's, or a province node's. */
    static Path chartFor(String deployment) {
        return K8S.resolve("charts").resolve(deployment.equals("hub") ? "yrd-hub" : "yrd-node");
    }

    static List<String> deployments() {
        return List.of("sh", "js", "zj", "ah", "hub");
    }

    /** {@code helm template} of a deployment's chart with a values file, as that deployment is installed. */
    static TemplateCommand template(String deployment, Path values) {
        return new Helm(chartFor(deployment)).template()
                .withName(deployment.equals("hub") ? "hub" : "node-" + deployment)
                .withNamespace("yrd-" + deployment)
                .withValuesFile(values);
    }

    /** The objects one deployment installs. */
    static List<JsonNode> objects(String deployment) {
        return CACHE.computeIfAbsent(deployment, d -> {
            String yaml = template(d, VALUES.resolve(d + ".yaml"))
                    // the helm test pod as a plain object: a template command leaves hooks out
                    .set("checks.testPodAsManifest", true).call();
            try {
                Files.createDirectories(OUT);
                Files.writeString(OUT.resolve(d + ".yaml"), yaml);
                List<JsonNode> docs = new ArrayList<>();
                try (var parser = new YAMLFactory().createParser(yaml)) {
                    for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                        JsonNode doc = it.next();
                        if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                            docs.add(doc);
                        }
                    }
                }
                return docs;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static List<JsonNode> ofKind(String deployment, String kind) {
        return objects(deployment).stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    /** The value of an environment variable of a container's env list, or null. */
    static String envValue(JsonNode env, String name) {
        return envVar(env, name).path("value").textValue();
    }

    /** The secret an environment variable is taken from, or null. */
    static String envSecret(JsonNode env, String name) {
        return envVar(env, name).path("valueFrom").path("secretKeyRef").path("name").textValue();
    }

    private static JsonNode envVar(JsonNode env, String name) {
        for (JsonNode e : env) {
            if (e.path("name").asText().equals(name)) {
                return e;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The first container of a deployment's app. */
    static JsonNode app(String deployment) {
        return ofKind(deployment, "Deployment").get(0).path("spec").path("template").path("spec").path("containers").get(0);
    }
}
