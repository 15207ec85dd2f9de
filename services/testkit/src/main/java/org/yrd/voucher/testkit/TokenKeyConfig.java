package org.yrd.voucher.testkit;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Lets an app under {@code @QuarkusTest} verify the tokens {@link Tokens} mints (their public key, so that no
 * identity provider is contacted) and sign and check federation events ({@code yrd.test.keys-dir}: the run's
 * Ed25519 keys, {@link TestKeys}). Found through {@code META-INF/services}; testkit is on test class paths only.
 */
public class TokenKeyConfig implements ConfigSource {
    private static final String KEY = "quarkus.oidc.public-key";
    private static final String KEYS_DIR = "yrd.test.keys-dir";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY, KEYS_DIR);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, Tokens.publicKey(), KEYS_DIR, TestKeys.dir().toString());
    }

    @Override
    public String getValue(String name) {
        return KEY.equals(name) ? Tokens.publicKey() : KEYS_DIR.equals(name) ? TestKeys.dir().toString() : null;
    }

    @Override
    public String getName() {
        return "yrd-test-token-key";
    }

    @Override
    public int getOrdinal() {
        return 275; // above application.properties (250), below system properties and environment
    }
}
