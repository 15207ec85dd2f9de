package org.yrd.voucher.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No schema package exists for the Keycloak operator's kinds: the fields the charts use are checked here against
 * the operator's CRD (k8s.keycloak.org v2alpha1, Keycloak 26), read field by field when this list was written. A
 * misspelt or unknown key, a wrong type or a missing required field fails, naming it.
 */
class KeycloakFieldsTest {
    /** Each path the CRD defines that the charts use, and its type ("object": its keys are checked too). */
    private static final Map<String, String> KEYCLOAK = Map.ofEntries(
            Map.entry("spec", "object"), Map.entry("spec.instances", "int"),
            Map.entry("spec.db", "object"), Map.entry("spec.db.vendor", "string"), Map.entry("spec.db.host", "string"),
            Map.entry("spec.db.port", "int"), Map.entry("spec.db.database", "string"),
            Map.entry("spec.db.usernameSecret", "object"), Map.entry("spec.db.usernameSecret.name", "string"),
            Map.entry("spec.db.usernameSecret.key", "string"), Map.entry("spec.db.passwordSecret", "object"),
            Map.entry("spec.db.passwordSecret.name", "string"), Map.entry("spec.db.passwordSecret.key", "string"),
            Map.entry("spec.http", "object"), Map.entry("spec.http.httpEnabled", "boolean"),
            Map.entry("spec.http.tlsSecret", "string"), Map.entry("spec.hostname", "object"),
            Map.entry("spec.hostname.hostname", "string"), Map.entry("spec.hostname.backchannelDynamic", "boolean"),
            Map.entry("spec.proxy", "object"), Map.entry("spec.proxy.headers", "string"),
            Map.entry("spec.ingress", "object"), Map.entry("spec.ingress.enabled", "boolean"),
            Map.entry("spec.ingress.className", "string"));
    private static final Map<String, String> REALM_IMPORT = Map.of("spec", "object",
            "spec.keycloakCRName", "string", "spec.realm", "any");
    private static final Map<String, List<String>> REQUIRED = Map.of("KeycloakRealmImport",
            List.of("spec.keycloakCRName", "spec.realm"), "Keycloak", List.of("spec.instances", "spec.db.vendor"));

    @ParameterizedTest
    @ValueSource(strings = {"sh", "js", "zj", "ah", "hub"})
    void theKeycloakResourcesUseOnlyFieldsOfTheOperatorsCrd(String deployment) {
        List<String> wrong = new ArrayList<>();
        for (String kind : List.of("Keycloak", "KeycloakRealmImport")) {
            List<JsonNode> objects = Rendered.ofKind(deployment, kind);
            assertThat(objects).as(kind).hasSize(1);
            JsonNode o = objects.get(0);
            assertThat(o.path("apiVersion").asText()).isEqualTo("k8s.keycloak.org/v2alpha1");
            walk("spec", o.path("spec"), kind.equals("Keycloak") ? KEYCLOAK : REALM_IMPORT, wrong);
            for (String path : REQUIRED.get(kind)) {
                JsonNode n = o;
                for (String part : path.split("\\.")) {
                    n = n.path(part);
                }
                if (n.isMissingNode() || n.isNull()) {
                    wrong.add(kind + " " + path + ": required");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static void walk(String path, JsonNode node, Map<String, String> schema, List<String> wrong) {
        String type = schema.get(path);
        if (type == null) {
            wrong.add(path + ": not a field of the CRD");
            return;
        }
        boolean ok = switch (type) {
            case "object" -> node.isObject();
            case "int" -> node.isIntegralNumber();
            case "boolean" -> node.isBoolean();
            case "string" -> node.isTextual();
            default -> true;
        };
        if (!ok) {
            wrong.add(path + ": not a " + type);
            return;
        }
        if (type.equals("object")) {
            node.fields().forEachRemaining(e -> walk(path + "." + e.getKey(), e.getValue(), schema, wrong));
        }
    }
}
