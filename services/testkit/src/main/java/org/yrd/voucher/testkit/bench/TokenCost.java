package org.yrd.voucher.testkit.bench;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.yrd.voucher.testkit.Tokens;

/**
 * What checking one bearer token costs a node: an RS256 access token shaped like the realms' (2048-bit key),
 * verified and its claims checked (issuer, audience, expiry) with jose4j, the library quarkus-oidc verifies
 * with, once per request. Prints microseconds of one core per token; it is not a pass/fail test.
 *   java -cp … org.yrd.voucher.testkit.bench.TokenCost [iterations]
 */
public final class TokenCost {
    private TokenCost() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        var who = Tokens.Identity.operator("SH", "operator-1");
        String token = Tokens.of(who);
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(Tokens.publicKey())));
        JwtConsumer consumer = new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer(who.issuer())
                .setExpectedAudience(who.audience()).setRequireExpirationTime()
                .setJwsAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256).build();
        JwtClaims last = null;
        for (int i = 0; i < n; i++) { // warm-up
            last = consumer.processToClaims(token);
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            last = consumer.processToClaims(token);
        }
        double micros = (System.nanoTime() - start) / 1e3 / n;
        System.out.printf("RESULT token_verify_us=%.1f tokens=%d subject=%s%n", micros, n, last.getSubject());
    }
}
