package org.yrd.voucher.node.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.yrd.voucher.edge.ProductionGuard;

/** A node's settings that are only safe locally (web-edge ProductionGuard refuses them in production). */
@ApplicationScoped
public class ProductionChecks implements ProductionGuard.Check {
    /** The invoice-hash key the node ships with: known to everyone, so it protects no invoice. */
    public static final String DEFAULT_INVOICE_HASH_KEY = "yrd-local-federation-key-change-me";

    @Override
    public List<String> problems(Config config) {
        List<String> problems = new ArrayList<>();
        String key = config.getOptionalValue("node.federation.invoice-hash-key", String.class)
                .orElse(DEFAULT_INVOICE_HASH_KEY);
        if (key.equals(DEFAULT_INVOICE_HASH_KEY)) {
            problems.add("node.federation.invoice-hash-key: the shipped default; set the federation's own key");
        }
        if (config.getOptionalValue("node.federation.auto-confirm", Boolean.class).orElse(false)) {
            problems.add("node.federation.auto-confirm: confirms services no provider confirmed (load tests only)");
        }
        if (config.getOptionalValue("node.demo-data", Boolean.class).orElse(false)) {
            problems.add("node.demo-data: loads made-up enterprises and providers");
        }
        return problems;
    }
}
