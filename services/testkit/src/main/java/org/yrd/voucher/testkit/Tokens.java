package org.yrd.voucher.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Access tokens for tests of the apps' own authorisation, shaped like the realms' tokens (deploy/keycloak):
 * RS256, {@code iss}, {@code aud}, {@code sub}, {@code preferred_username}, {@code realm_access.roles} and the
 * {@code province} or {@code uscc} claim. The key pair is made once per test run (per JVM: kept in system
 * properties, so every Quarkus class loader of the run signs and verifies with the same key); the apps under
 * test verify with its public key ({@link TokenKeyConfig}). Tests of the real identity provider use Keycloak.
 */
public final class Tokens {
    static final String PRIVATE = "yrd.test.token.private";
    static final String PUBLIC = "yrd.test.token.public";
    /** The issuer the test profile of an app trusts: {@code ISSUER + realm}, e.g. {@code …/yrd-SH}. */
    public static final String ISSUER = "https://idp.test/realms/yrd-";
    public static final String NODE_AUDIENCE = "yrd-node";
    public static final String HUB_AUDIENCE = "yrd-hub";

    private Tokens() {}

    /** The run's public key, base64 X.509, as {@code quarkus.oidc.public-key} takes it. */
    public static String publicKey() {
        ensureKeys();
        return System.getProperty(PUBLIC);
    }

    private static PrivateKey privateKey() {
        ensureKeys();
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(PRIVATE))));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ensureKeys() {
        synchronized (System.class) {
            if (System.getProperty(PRIVATE) != null) {
                return;
            }
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                KeyPair pair = g.generateKeyPair();
                System.setProperty(PRIVATE, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
                System.setProperty(PUBLIC, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Who a token speaks for. {@code realm} is a province code (SH …) or HUB. */
    public record Identity(String realm, String subject, String role, Map<String, String> claims) {
        public static Identity operator(String province, String name) {
            return new Identity(province, name, "operator", Map.of("province", province));
        }

        public static Identity finance(String province, String name) {
            return new Identity(province, name, "finance", Map.of("province", province));
        }

        public static Identity enterprise(String province, String uscc) {
            return new Identity(province, uscc.toLowerCase(), "enterprise", Map.of("uscc", uscc, "province", province));
        }

        public static Identity provider(String province, String uscc) {
            return new Identity(province, uscc.toLowerCase(), "provider", Map.of("uscc", uscc, "province", province));
        }

        /** P9 a service point, acting under its own USCC. */
        public static Identity agent(String province, String uscc) {
            return new Identity(province, uscc.toLowerCase(), "agent", Map.of("uscc", uscc, "province", province));
        }

        public static Identity taskgroup(String name) {
            return new Identity("HUB", name, "taskgroup", Map.of());
        }

        public String audience() {
            return "HUB".equals(realm) ? HUB_AUDIENCE : NODE_AUDIENCE;
        }

        public String issuer() {
            return ISSUER + realm;
        }
    }

    /** A token valid for five minutes. */
    public static String of(Identity who) {
        return token(who.issuer(), who.audience(), who, Duration.ofMinutes(5));
    }

    /** {@code "Bearer …"} for an Authorization header. */
    public static String bearer(Identity who) {
        return "Bearer " + of(who);
    }

    public static String bearer(Identity who, Duration lifetime) {
        return "Bearer " + token(who.issuer(), who.audience(), who, lifetime);
    }

    /**
     * For the benchmark scripts: prints a fresh key pair as {@code PUBLIC PRIVATE} (base64). The app under
     * benchmark takes the public one as {@code quarkus.oidc.public-key}; the driver signs with the private one
     * ({@code -Dyrd.test.token.private=… -Dyrd.test.token.public=…}).
     */
    public static void main(String[] args) {
        System.out.println(publicKey() + " " + System.getProperty(PRIVATE));
    }

    /** A token as {@code who} with any issuer, audience and lifetime (negative: already expired). */
    public static String token(String issuer, String audience, Identity who, Duration lifetime) {
        return claims(issuer, audience, who, lifetime).jws().keyId("test").sign(privateKey());
    }

    /**
     * A token as {@code who}, valid in every claim, signed with a key made for this call: what a token signed with a
     * key the app does not (or no longer) trust looks like, e.g. after the identity provider rotated its keys.
     */
    public static String signedWithAnotherKey(Identity who) {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims(who.issuer(), who.audience(), who, Duration.ofMinutes(5)).jws().keyId("test")
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder claims(String issuer, String audience, Identity who, Duration lifetime) {
        long now = System.currentTimeMillis() / 1000;
        JwtClaimsBuilder b = Jwt.issuer(issuer).audience(audience).subject("sub-" + who.subject())
                .claim("preferred_username", who.subject())
                .claim("realm_access", Map.of("roles", List.of(who.role())))
                .issuedAt(now - 5).expiresAt(now + lifetime.toSeconds());
        who.claims().forEach(b::claim);
        return b;
    }
}
