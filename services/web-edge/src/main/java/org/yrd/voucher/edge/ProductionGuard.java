package org.yrd.voucher.edge;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The production profile ({@code prod}, the packaged app's default) refuses to start with a setting that is
 * only safe locally, and names the key. Local runs and benchmarks use the {@code local} profile; tests
 * {@code test}. Each app adds its own checks ({@link Check}).
 */
@ApplicationScoped
public class ProductionGuard {
    /** An app's own unsafe settings: each problem starts with the key it is about. */
    public interface Check {
        List<String> problems(Config config);
    }

    private final Config config;
    private final Instance<Check> checks;

    ProductionGuard(Config config, Instance<Check> checks) {
        this.config = config;
        this.checks = checks;
    }

    void check(@Observes @Priority(1) StartupEvent ignored) {
        if (!ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        List<String> problems = new ArrayList<>(problems(config));
        checks.forEach(c -> problems.addAll(c.problems(config)));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the production profile refuses to start: " + String.join("; ", problems)
                    + " (docs/configuration.md)");
        }
    }

    /** What every app needs in production: its identity provider and its signing key. */
    public static List<String> problems(Config config) {
        List<String> problems = new ArrayList<>();
        if (config.getOptionalValue("quarkus.oidc.auth-server-url", String.class).isEmpty()) {
            problems.add("quarkus.oidc.auth-server-url: no OIDC issuer is set");
        }
        if (config.getOptionalValue("quarkus.oidc.public-key", String.class).isPresent()) {
            problems.add("quarkus.oidc.public-key: tokens must be checked against the issuer's published keys");
        }
        if (config.getOptionalValue("yrd.federation.signing.key-file", String.class).isEmpty()) {
            problems.add("yrd.federation.signing.key-file: no signing key is set");
        }
        return problems;
    }
}
