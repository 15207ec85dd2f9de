package org.yrd.voucher.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each chart's values.schema.json (written by k8s/schema/values-schemas.py) refuses, at `helm template`, a values
 * file with a misspelt key, a value of the wrong type or a missing secret name, naming it; every values file of
 * k8s/values passes (ChartsTest renders them all).
 */
class ValuesSchemaTest {
    /** Every secret a deployment must create beforehand, by its values key. */
    private static final Map<String, List<String>> SECRETS = Map.of(
            "node", List.of("ingress.tlsSecret", "keycloak.tlsSecret", "kafka.caSecret", "kafka.passwordSecret",
                    "postgres.backup.credentialsSecret", "monitoring.clientSecret", "secrets.signing", "secrets.trust",
                    "secrets.invoiceHashKey"),
            "hub", List.of("ingress.tlsSecret", "keycloak.tlsSecret", "kafka.external.tlsSecret",
                    "postgres.backup.credentialsSecret", "monitoring.clientSecret", "secrets.signing", "secrets.trust"));

    @ParameterizedTest
    @ValueSource(strings = {"sh", "hub"})
    void aMisspeltValueFailsTheRender(String deployment) throws Exception {
        String values = Files.readString(Rendered.VALUES.resolve(deployment + ".yaml"));
        for (String[] typo : List.of(new String[] {"ingress:\n  host:", "ingress:\n  hots:"},
                new String[] {"postgres:\n  backup:", "postgres:\n  backpu:"},
                new String[] {"keycloak:\n  hostname:", "keycloak:\n  hostnmae:"})) {
            assertThat(values).contains(typo[0]);
            Path file = Files.createTempFile(Rendered.K8S.resolve("target"), "values", ".yaml");
            Files.writeString(file, values.replace(typo[0], typo[1]));
            String key = typo[1].substring(typo[1].lastIndexOf(' ') + 1, typo[1].length() - 1);
            assertThatThrownBy(() -> render(deployment, file, Map.of())).hasMessageContaining(key)
                    .hasMessageContaining("Additional property");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "hub"})
    void aValueOfTheWrongTypeFailsTheRender(String deployment) {
        Path values = Rendered.VALUES.resolve(deployment + ".yaml");
        assertThatThrownBy(() -> render(deployment, values, Map.of("autoscaling.minReplicas", "two")))
                .hasMessageContaining("minReplicas");
        assertThatThrownBy(() -> render(deployment, values, Map.of("ingress.host", "not a host name")))
                .hasMessageContaining("host");
        assertThatThrownBy(() -> render(deployment, values, Map.of("postgres.backup.retentionPolicy", "forever")))
                .hasMessageContaining("retentionPolicy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "hub"})
    void aMissingSecretNameFailsTheRenderNamingIt(String deployment) {
        Path values = Rendered.VALUES.resolve(deployment + ".yaml");
        for (String key : SECRETS.get(deployment.equals("hub") ? "hub" : "node")) {
            assertThatThrownBy(() -> render(deployment, values, Map.of(key, ""))).as(key)
                    .hasMessageContaining(key.substring(key.lastIndexOf('.') + 1));
        }
    }

    private static String render(String deployment, Path values, Map<String, Object> set) {
        var template = Rendered.template(deployment, values);
        set.forEach(template::set);
        return template.call();
    }
}
