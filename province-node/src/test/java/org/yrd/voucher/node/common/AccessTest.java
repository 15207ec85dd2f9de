package org.yrd.voucher.node.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.yrd.voucher.node.testing.Fixtures.file;
import static org.yrd.voucher.node.testing.Fixtures.filing;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;
import org.yrd.voucher.testkit.TestIdentities;
import org.yrd.voucher.testkit.Tokens;
import org.yrd.voucher.testkit.Tokens.Identity;

/** Who reaches what at the Shanghai node: the token's issuer, audience, lifetime, role, province and USCC. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class AccessTest {
    static final String QUEUE = "/api/v1/operator/redemptions";

    static String bearer(String token) {
        return "Bearer " + token;
    }

    @Test
    void withoutATokenAnOperatorsQueueIsA401Problem() {
        given().header(TestIdentities.ANONYMOUS, true).header("Accept-Language", "en").get(QUEUE).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("unauthenticated")).body("detail", equalTo("Authentication is required."));
        given().header(TestIdentities.ANONYMOUS, true).get("/api/v1/public/policy").then().statusCode(200);
    }

    @Test
    void onlyThisProvincesIssuerAudienceAndUnexpiredTokensAreAccepted() {
        Identity sh = Identity.operator("SH", "operator-1");
        given().header("Authorization", bearer(Tokens.of(sh))).get(QUEUE).then().statusCode(200);
        // an operator of Zhejiang's realm, at the Shanghai node
        given().header("Authorization", Tokens.bearer(Identity.operator("ZJ", "operator-1"))).get(QUEUE)
                .then().statusCode(401);
        // a token for the hub's audience, and one that expired a minute ago
        given().header("Authorization", bearer(Tokens.token(sh.issuer(), Tokens.HUB_AUDIENCE, sh, Duration.ofMinutes(5))))
                .get(QUEUE).then().statusCode(401);
        given().header("Authorization", bearer(Tokens.token(sh.issuer(), sh.audience(), sh, Duration.ofMinutes(-1))))
                .get(QUEUE).then().statusCode(401);
        // a signature that does not match the payload
        String[] parts = Tokens.of(sh).split("\\.");
        String other = Tokens.of(Identity.finance("SH", "finance-1")).split("\\.")[1];
        given().header("Authorization", bearer(parts[0] + "." + other + "." + parts[2])).get(QUEUE).then().statusCode(401);
    }

    @jakarta.inject.Inject
    org.yrd.voucher.edge.VerifiedTokens.Cache verified;

    /**
     * A verified token is kept until it expires (not verified again on the next call), and only as it is: the same
     * token altered, expired meanwhile, or with the same claims signed by a key the node does not trust is refused.
     */
    @Test
    void aVerifiedTokenIsKeptUntilItExpiresAndOnlyAsItIs() throws InterruptedException {
        Identity sh = Identity.operator("SH", "operator-cache");
        String token = Tokens.token(sh.issuer(), sh.audience(), sh, Duration.ofSeconds(3));
        given().header("Authorization", bearer(token)).get(QUEUE).then().statusCode(200);
        org.assertj.core.api.Assertions.assertThat(verified.find(token)).as("kept after its first verification").isNotNull();
        // kept without the request that verified it (its routing context would hold that request's buffers)
        org.assertj.core.api.Assertions.assertThat(verified.find(token).getAttributes().values())
                .noneMatch(v -> v instanceof io.vertx.ext.web.RoutingContext);
        org.assertj.core.api.Assertions.assertThat(verified.find(token).getRoles()).contains("operator");
        long answered = verified.answered();
        given().header("Authorization", bearer(token)).get(QUEUE).then().statusCode(200);
        org.assertj.core.api.Assertions.assertThat(verified.answered())
                .as("the second request answered from the cache, its token not verified again").isEqualTo(answered + 1);
        // kept, it grants what it granted: an operator's token does not confirm a provider's service
        given().header("Authorization", bearer(token)).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/providers/{u}/redemptions/{id}/confirm", Fixtures.uscc("310115"), UUID.randomUUID())
                .then().statusCode(403);
        org.assertj.core.api.Assertions.assertThat(verified.answered()).isEqualTo(answered + 2);
        // one character of the signature changed (the last one's low bits are padding: change the one before)
        int i = token.length() - 2;
        String altered = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
        given().header("Authorization", bearer(altered)).get(QUEUE).then().statusCode(401);
        // the same claims, signed by a key the node does not trust (the identity provider rotated, or a forger)
        given().header("Authorization", bearer(Tokens.signedWithAnotherKey(sh))).get(QUEUE).then().statusCode(401);
        // past its expiry the kept token is refused like any expired one
        Thread.sleep(4_000);
        given().header("Authorization", bearer(token)).get(QUEUE).then().statusCode(401)
                .body("code", equalTo("unauthenticated"));
        org.assertj.core.api.Assertions.assertThat(verified.find(token)).isNull();
    }

    @Test
    void aTokenOfThisRealmClaimingAnotherProvinceIsRefused() {
        var mislabelled = new Identity("SH", "operator-x", "operator", Map.of("province", "ZJ"));
        given().header("Authorization", Tokens.bearer(mislabelled)).get(QUEUE).then().statusCode(403)
                .body("code", equalTo("wrong-province"));
        var unlabelled = new Identity("SH", "finance-x", "finance", Map.of());
        given().header("Authorization", Tokens.bearer(unlabelled)).get(QUEUE).then().statusCode(403);
    }

    @Test
    void aPartysTokenClaimingAnotherProvinceOrNoneIsRefusedToo() {
        // before, only staff were held to their province: a shared realm's enterprise of ZJ was served here
        String e = Fixtures.enterprise("310115");
        for (String[] own : new String[][] {{"enterprise", "/api/v1/enterprises/%s/vouchers"},
                {"provider", "/api/v1/providers/%s/redemptions"}, {"agent", "/api/v1/agents/%s/mandates"}}) {
            String path = String.format(own[1], e);
            var elsewhere = new Identity("SH", e.toLowerCase(), own[0], Map.of("uscc", e, "province", "ZJ"));
            given().header("Authorization", Tokens.bearer(elsewhere)).get(path).then()
                    .statusCode(403).body("code", equalTo("wrong-province"));
            var nowhere = new Identity("SH", e.toLowerCase(), own[0], Map.of("uscc", e));
            given().header("Authorization", Tokens.bearer(nowhere)).get(path).then()
                    .statusCode(403).body("code", equalTo("wrong-province"));
        }
        given().header("Authorization", Tokens.bearer(Identity.enterprise("SH", e)))
                .get("/api/v1/enterprises/{u}/vouchers", e).then().statusCode(200);
    }

    @Test
    void anEnterpriseNeitherReadsNorSpendsAnothersVouchers() {
        String a = Fixtures.enterprise("310115");
        String b = Fixtures.enterprise("310115");
        String bVoucher = Fixtures.voucher(b, 1_000_000);
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        String asA = Tokens.bearer(Identity.enterprise("SH", a));
        given().header("Authorization", asA).get("/api/v1/enterprises/{u}/vouchers", b).then().statusCode(403)
                .body("code", equalTo("not-your-uscc"));
        // B's voucher through A's own path: as if it did not exist
        file(a, filing(bVoucher, provider, "INV-" + UUID.randomUUID(), 400_000, 200_000)).then().statusCode(404);
        String bRedemption = file(b, filing(bVoucher, provider, "INV-" + UUID.randomUUID(), 400_000, 200_000))
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", asA).get("/api/v1/enterprises/{u}/redemptions/{id}", a, bRedemption)
                .then().statusCode(404);
        // an enterprise registers itself only
        given().header("Authorization", asA).contentType(ContentType.JSON)
                .body(Map.of("uscc", Fixtures.uscc("310115"), "name", "冒名企业", "recipientType", "TECH_SME",
                        "smeRegistrationNo", "X1", "smeRegistrationYear", 2025, "districtCode", "310115"))
                .post("/api/v1/enterprises").then().statusCode(403).body("code", equalTo("not-your-uscc"));
        // and the operator sees both
        given().get("/api/v1/enterprises/{u}/vouchers", b).then().statusCode(200);
    }

    @Test
    void aProviderConfirmsOnlyItsOwnRequests() {
        String p = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        String q = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        String e = Fixtures.enterprise("310115");
        String forQ = file(e, filing(Fixtures.voucher(e, 1_000_000), q, "INV-" + UUID.randomUUID(), 400_000, 200_000))
                .then().statusCode(201).extract().path("id");
        String asP = Tokens.bearer(Identity.provider("SH", p));
        given().header("Authorization", asP).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/providers/{p}/redemptions/{id}/confirm", p, forQ).then().statusCode(404);
        given().header("Authorization", asP).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/providers/{p}/redemptions/{id}/confirm", q, forQ).then().statusCode(403)
                .body("code", equalTo("not-your-uscc"));
        given().header("Authorization", asP).get("/api/v1/providers/{p}/incoming-redemptions", q).then().statusCode(403);
        given().get("/api/v1/enterprises/{e}/redemptions/{id}", e, forQ).then().body("status", equalTo("FILED"));
    }

    @Test
    void anUnknownFieldIsA400NamingItAndAHugeBodyA413() {
        String e = Fixtures.enterprise("310115");
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amountFen", 100_000, "approved", true))
                .post("/api/v1/enterprises/{u}/applications", e).then().statusCode(400)
                .body("violations[0].field", equalTo("approved")).body("violations[0].code", equalTo("unknown-field"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"amountFen\": 100000, \"pad\": \"" + "x".repeat(70 * 1024) + "\"}")
                .post("/api/v1/enterprises/{u}/applications", e).then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("payload-too-large"));
        given().get("/api/v1/enterprises/{u}/applications", e).then().body("size()", equalTo(0));
    }
}
