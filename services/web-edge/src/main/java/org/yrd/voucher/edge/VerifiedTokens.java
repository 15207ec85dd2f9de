package org.yrd.voucher.edge;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens already verified, kept until they expire, so that a client's next request with the same token is not
 * verified again (an RS256 check and the claims' parsing on every call; docs/benchmarks.md "Token validation").
 * <p>
 * Keyed on the whole token: a token altered in any character, signed with another key or never seen is verified by
 * quarkus-oidc as before. An entry ends at the token's expiry and at the latest {@code yrd.auth.token-cache.max-age}
 * after it was verified, so that a key the identity provider withdraws stops being honoured within that time. The
 * cache holds at most {@code yrd.auth.token-cache.size} tokens (docs/configuration.md).
 * <p>
 * Two beans: the provider answers first for a token it holds and passes otherwise (quarkus-oidc's provider then
 * verifies it), and the augmentor, which runs after every other, keeps what quarkus-oidc verified.
 */
public final class VerifiedTokens {
    private VerifiedTokens() {}

    /** A verified identity and the instant it stops being honoured. */
    record Entry(SecurityIdentity identity, long untilMillis) {}

    /** The cache itself, one per app. */
    @ApplicationScoped
    public static class Cache {
        private final Map<String, Entry> entries = new ConcurrentHashMap<>();
        private final LongAdder answered = new LongAdder();
        private final boolean enabled;
        private final long maxAgeMillis;
        private final int size;

        Cache(@ConfigProperty(name = "yrd.auth.token-cache.enabled", defaultValue = "true") boolean enabled,
              @ConfigProperty(name = "yrd.auth.token-cache.max-age", defaultValue = "PT5M") Duration maxAge,
              @ConfigProperty(name = "yrd.auth.token-cache.size", defaultValue = "10000") int size) {
            this.enabled = enabled;
            this.maxAgeMillis = maxAge.toMillis();
            this.size = size;
        }

        /**
         * Wall-clock time, as the token's own times and quarkus-oidc's check of them use: never the programme's clock
         * (a province may run that on another day, and tests move it).
         */
        private static long now() {
            return System.currentTimeMillis();
        }

        /** The identity of a token verified before and still current, or null. */
        public SecurityIdentity find(String token) {
            if (!enabled) {
                return null;
            }
            Entry e = entries.get(token);
            if (e == null) {
                return null;
            }
            if (now() >= e.untilMillis()) {
                entries.remove(token, e);
                return null;
            }
            return e.identity();
        }

        /** {@link #find}, for a request: one answered without verifying its token is counted ({@link #answered}). */
        SecurityIdentity answer(String token) {
            SecurityIdentity known = find(token);
            if (known != null) {
                answered.increment();
            }
            return known;
        }

        /** How many requests were answered from the cache since the app started (each without verifying its token). */
        public long answered() {
            return answered.sum();
        }

        /** Keeps an identity quarkus-oidc verified, until its token's expiry (a token without one is not kept). */
        void keep(String token, SecurityIdentity identity) {
            if (!enabled || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
                return;
            }
            long now = now();
            long until = Math.min(jwt.getExpirationTime() * 1000, now + maxAgeMillis);
            if (until <= now || entries.containsKey(token)) {
                return;
            }
            if (entries.size() >= size) {
                makeRoom(now);
            }
            entries.put(token, new Entry(detached(identity), until));
        }

        /**
         * The identity without what ties it to the request that verified it: quarkus-oidc puts that request's
         * routing context among its attributes, and a kept identity would hold the whole request (its buffers, its
         * answer) for as long as the token is kept. The identity's principal, roles, credentials and other attributes
         * are kept; the apps grant access by role, so there is no permission checker to carry over.
         */
        static SecurityIdentity detached(SecurityIdentity identity) {
            QuarkusSecurityIdentity.Builder kept = QuarkusSecurityIdentity.builder()
                    .setPrincipal(identity.getPrincipal())
                    .addRoles(identity.getRoles())
                    .addCredentials(identity.getCredentials())
                    .setAnonymous(identity.isAnonymous());
            identity.getAttributes().forEach((name, value) -> {
                if (!(value instanceof RoutingContext)) {
                    kept.addAttribute(name, value);
                }
            });
            return kept.build();
        }

        /** Bounded: expired tokens go first, then a tenth of the rest (any; a token dropped is verified again). */
        private void makeRoom(long now) {
            entries.values().removeIf(e -> now >= e.untilMillis());
            var it = entries.keySet().iterator();
            for (int over = entries.size() - size * 9 / 10; over > 0 && it.hasNext(); over--) {
                it.next();
                it.remove();
            }
        }
    }

    /** Answers first for a bearer token the cache holds; passes (a null identity) for any other. */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<TokenAuthenticationRequest> {
        private final Cache cache;

        Provider(Cache cache) {
            this.cache = cache;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        /**
         * Asked first: the manager asks the providers of a request's type from the highest priority down and stops at
         * the first identity. quarkus-oidc's provider takes the interface's default (1001, above every system one), so
         * one at or below it may never be asked for a token quarkus-oidc accepts.
         */
        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            SecurityIdentity known = cache.answer(request.getToken().getToken());
            if (known == null) {
                return Uni.createFrom().nullItem();
            }
            // the identity as verified, tied to this request rather than to the one that verified it
            RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
            return Uni.createFrom().item(rc == null ? known
                    : QuarkusSecurityIdentity.builder(known).addAttribute(RoutingContext.class.getName(), rc).build());
        }
    }

    /** Keeps each identity quarkus-oidc verified from a bearer token; runs after every other augmentor. */
    @ApplicationScoped
    public static class Keeper implements SecurityIdentityAugmentor {
        private final Cache cache;

        Keeper(Cache cache) {
            this.cache = cache;
        }

        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
            if (token != null && !identity.isAnonymous()) {
                cache.keep(token.getToken(), identity);
            }
            return Uni.createFrom().item(identity);
        }
    }
}
