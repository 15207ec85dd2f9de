package org.yrd.voucher.federation;

import io.micrometer.core.instrument.Metrics;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventSignatures;
import org.yrd.voucher.events.TrustedKeys;

/**
 * Provenance of federation events: this app signs every event it publishes with its own Ed25519 key
 * ({@code yrd.federation.signing.key-file}); an event it receives counts only if signed by the key of its
 * {@code source}, found in {@code yrd.federation.signing.trust-dir} as {@code <signer>.pub.pem} ({@code hub}
 * or a province code), or, during a key rotation, its next key or a retired key that was current when the event was
 * signed ({@link TrustedKeys}). The directory is read again every {@code yrd.federation.signing.trust-refresh}, so
 * that a rotated key, mounted from a secret, counts without a restart. Without its key the app does not start.
 */
@ApplicationScoped
@Startup
public class Signing {
    private static final Logger LOG = Logger.getLogger(Signing.class);
    private final PrivateKey key;
    private final Path trustDir;
    private final Duration refresh;
    private final boolean perBatch;
    private final Clock clock;
    private final Map<String, Loaded> trusted = new ConcurrentHashMap<>();

    private record Loaded(TrustedKeys keys, Instant at) {}

    Signing(@ConfigProperty(name = "yrd.federation.signing.key-file") Optional<String> keyFile,
            @ConfigProperty(name = "yrd.federation.signing.trust-dir") Optional<String> trustDir,
            @ConfigProperty(name = "yrd.federation.signing.trust-refresh", defaultValue = "PT1M") Duration refresh,
            @ConfigProperty(name = "yrd.federation.signing.per-batch", defaultValue = "true") boolean perBatch,
            Clock clock) {
        this.perBatch = perBatch;
        if (keyFile.isEmpty() || !Files.isReadable(Path.of(keyFile.get()))) {
            throw new IllegalStateException("yrd.federation.signing.key-file: this app's Ed25519 signing key (PEM) is "
                    + keyFile.map(f -> "not readable at " + f).orElse("not set") + "; docs/configuration.md");
        }
        if (trustDir.isEmpty() || !Files.isDirectory(Path.of(trustDir.get()))) {
            throw new IllegalStateException("yrd.federation.signing.trust-dir: the directory of the other parties' public "
                    + "keys is " + trustDir.map(d -> "not a directory: " + d).orElse("not set") + "; docs/configuration.md");
        }
        this.key = EventSignatures.readPrivate(Path.of(keyFile.get()));
        this.trustDir = Path.of(trustDir.get());
        this.refresh = refresh;
        this.clock = clock;
    }

    /**
     * The records of a batch of envelopes this app wrote unsigned: under one signature of their Merkle root, or, with
     * {@code yrd.federation.signing.per-batch=false}, each signed on its own (while a party that does not yet take
     * batch signatures is upgraded, docs/deploy.md "Upgrade and rollback").
     */
    public List<String> signBatch(List<String> unsigned) {
        if (perBatch) {
            return EventSignatures.signBatch(unsigned, key);
        }
        return unsigned.stream().map(u -> EventSignatures.signAlone(u, key)).toList();
    }

    /**
     * Null if the event is signed by the key of its own {@code source}; otherwise why it is refused. A refusal is
     * logged and counted ({@code yrd_signature_refused_total}).
     */
    public String refusal(CloudEvent e) {
        String reason;
        TrustedKeys expected = keysOf(e.signer());
        if (e.signature() == null) {
            reason = "unsigned";
        } else if (expected.isEmpty()) {
            reason = "no trusted key for " + e.source();
        } else if (!expected.verify(e)) {
            reason = "signature is not " + e.source() + "'s";
        } else {
            return null;
        }
        LOG.warnf("event %s (%s) from %s refused: %s", e.id(), e.type(), e.source(), reason);
        // the label is bounded: a source with a trusted key (the hub, the provinces), or "other"
        Metrics.counter("yrd_signature_refused_total", "source", !expected.isEmpty() ? e.source() : "other").increment();
        return reason;
    }

    private TrustedKeys keysOf(String signer) {
        if (!TrustedKeys.isSigner(signer)) {
            return TrustedKeys.of(trustDir, null); // no key: a forged source, never cached
        }
        Instant now = clock.instant();
        return trusted.compute(signer, (s, old) -> old != null && old.at.plus(refresh).isAfter(now) ? old
                : new Loaded(TrustedKeys.of(trustDir, s), now)).keys;
    }
}
