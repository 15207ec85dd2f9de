package org.yrd.voucher.testkit;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Lets an app under {@code @QuarkusTest} verify the tokens {@link Tokens} mints: their public key, so that no
 * identity provider is contacted. Found through {@code META-INF/services}; testkit is on test class paths only.
 */
public class TokenKeyConfig implements ConfigSource {
    private static final String KEY = "quarkus.oidc.public-key";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, Tokens.publicKey());
    }

    @Override
    public String getValue(String name) {
        return KEY.equals(name) ? Tokens.publicKey() : null;
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
