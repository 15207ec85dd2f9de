package org.yrd.voucher.node.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import org.yrd.voucher.policy.Province;

/** Node configuration. A province is configuration, never a code fork. */
@ConfigMapping(prefix = "node")
public interface NodeConfig {
    /** Which province this node serves. An unknown code fails start-up naming {@code node.province}. */
    Province province();

    /** A policy file to load at first start instead of the demo policy shipped for the province. */
    Optional<String> policyFile();

    Redemption redemption();

    Jobs jobs();

    Federation federation();

    Idempotency idempotency();

    Reports reports();

    Audit audit();

    IdentityAdmin identityAdmin();

    Notifications notifications();

    Print print();

    /** The printed approval sheets (PDF). */
    interface Print {
        /** A TrueType font or collection with Chinese glyphs, embedded in every sheet (Debian's fonts-wqy-microhei). */
        @WithDefault("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
        String font();
    }

    /** Notifications (docs/architecture.md "Notifications"). */
    interface Notifications {
        /** How often the notifier reads the audit trail and the mails due go out. */
        @WithDefault("2s")
        String every();

        /** Whether notifications also go out by e-mail, through {@code quarkus.mailer.*}. */
        @WithDefault("false")
        boolean email();

        /** Tries of a mail before it is marked FAILED (the server refused it or was away each time). */
        @WithDefault("8")
        int mailAttempts();
    }

    /**
     * The node's service account at its realm (the one of {@code quarkus.oidc.auth-server-url}), which binds a
     * self-registered account an operator confirmed (docs/security.md "Accounts").
     */
    interface IdentityAdmin {
        @WithDefault("yrd-node-admin")
        String clientId();

        /** Without it the node binds nothing: a confirmation answers 503 and the request stays pending. */
        Optional<String> clientSecret();
    }

    interface Audit {
        /** How often the chainer looks for records committed but not linked (another replica's, a stopped process's). */
        @WithDefault("1s")
        String sweepEvery();

        /**
         * How long after a commit that wrote audit records the chainer links them: the commits of that moment join one
         * run (one lock of the chain's end and one batch), instead of a run each.
         */
        @WithDefault("PT0.05S")
        Duration linkAfter();
    }

    interface Reports {
        /** P13 public reports: how many one address may file in an hour (429 beyond). */
        @io.smallrye.config.WithDefault("10")
        int perHour();
    }

    interface Idempotency {
        /**
         * How long an {@code Idempotency-Key} and its first answer are kept; a retry after that runs again.
         * Clients retry within minutes; the one-redemption-per-invoice check still refuses a second redemption.
         */
        @WithDefault("P30D")
        Duration retention();

        /** How often keys past retention are deleted (a Quarkus scheduler interval, or {@code off}). */
        @WithDefault("1h")
        String purgeEvery();
    }

    interface Federation {
        /**
         * Key of the keyed hash under which invoices travel (provider USCC + invoice number); the same on
         * every node and the hub. The default is for local runs only.
         */
        @WithDefault(ProductionChecks.DEFAULT_INVOICE_HASH_KEY)
        String invoiceHashKey();

        /**
         * Confirm cross-region requests for providers in good standing as they arrive, without the
         * provider. For load tests only (docs/benchmarks.md); never in a real deployment.
         */
        @WithDefault("false")
        boolean autoConfirm();
    }

    /**
     * The hub's base URL, e.g. {@code http://hub:8090}: the audit trail's verification compares this node's chain
     * with the heads the hub witnessed ({@code GET /api/v1/public/audit-heads/{province}}).
     */
    Optional<String> hubUrl();

    /** Load a small demo data set at first start. */
    @WithDefault("false")
    boolean demoData();

    interface Jobs {
        /** How often expiry runs (a Quarkus scheduler interval such as {@code 1m}, or {@code off}). */
        @WithDefault("1m")
        String every();
    }

    interface Redemption {
        /** How long a filed redemption waits for the provider's confirmation before it expires. */
        @WithDefault("P30D")
        Duration confirmationTimeout();
    }
}
