package org.yrd.voucher.node.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The node's production artifact (province-node/target/quarkus-app, built before this module) holds no demo class:
 * neither the made-up data nor the clock that can be set back. Only this module's app does.
 */
class ProductionArtifactTest {
    @Test
    void theProductionNodeHoldsNoDemoCode() throws IOException {
        Path app = Path.of("../province-node/target/quarkus-app").toAbsolutePath().normalize();
        assertThat(app.resolve("quarkus-run.jar")).as("the node is packaged before this module").exists();
        List<Path> jars;
        try (Stream<Path> files = Files.walk(app)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).toList();
        }
        assertThat(jars).isNotEmpty();
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertThat(zip.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith("org/yrd/voucher/node/demo/") && n.endsWith(".class")).toList())
                        .as(jar.toString()).isEmpty();
            }
        }
        assertThat(Path.of("target/classes/org/yrd/voucher/node/demo/DemoData.class")).as("this module holds it").exists();
    }
}
