package org.yrd.voucher.node.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.yrd.voucher.edge.Messages;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.policy.Violation;
import org.yrd.voucher.policy.VoucherPolicy;

/**
 * The province's policy file ({@code node.policy-file}, by default the demo policy the app ships): read once, at the
 * first start of an empty node, as version 1 from the first of January. A node that holds a version ignores it; a
 * file that is not a valid policy stops the start, naming each fault.
 */
@ApplicationScoped
class PolicyFile {
    private static final Logger LOG = Logger.getLogger(PolicyFile.class);

    private final PolicyService policies;
    private final NodeConfig config;

    PolicyFile(PolicyService policies, NodeConfig config) {
        this.policies = policies;
        this.config = config;
    }

    void loadAtFirstStart(@Observes @Priority(10) StartupEvent ignored) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (policies.anyVersion()) {
                return;
            }
            String source = config.policyFile().orElse("classpath:policies/" + config.province() + ".yaml");
            List<Violation> violations = new ArrayList<>();
            VoucherPolicy policy = read(source).toPolicy(violations);
            if (policy == null) {
                throw new IllegalStateException("node.policy-file " + source + " is not a valid policy: "
                        + violations.stream().map(v -> v.field() + " "
                                + Messages.text(Locale.ENGLISH, "violation." + v.code(), v.args()))
                        .collect(Collectors.joining("; ")));
            }
            policies.installFirst(policy, source);
            LOG.infof("province %s: loaded policy version 1 from %s", config.province(), source);
        });
    }

    private static PolicyDocument read(String source) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).findAndRegisterModules();
        try (InputStream in = source.startsWith("classpath:")
                ? Thread.currentThread().getContextClassLoader().getResourceAsStream(source.substring("classpath:".length()))
                : Files.newInputStream(Path.of(source))) {
            if (in == null) {
                throw new IllegalStateException("node.policy-file: no policy at " + source);
            }
            return yaml.readValue(in, PolicyDocument.class);
        } catch (IOException e) {
            throw new IllegalStateException("node.policy-file: cannot read " + source + ": " + e.getMessage(), e);
        }
    }
}
