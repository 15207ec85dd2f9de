package org.yrd.voucher.node.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;
import org.yrd.voucher.node.testing.Fixtures;

/** Bad input is a 400 problem+json naming the field, never a 500, and changes nothing. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class MalformedInputTest {
    String enterprise;
    String provider;
    String voucher;

    @BeforeEach
    void setUp() {
        enterprise = Fixtures.enterprise("310115");
        provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        voucher = Fixtures.voucher(enterprise, 1_000_000);
    }

    static List<Arguments> badApplications() {
        return List.of(
                Arguments.of("{\"amountFen\": ", "body"),
                Arguments.of("not json at all", "body"),
                Arguments.of("{\"amountFen\": \"100\"}", "amountFen"),
                Arguments.of("{\"amountFen\": 12.5}", "amountFen"),
                Arguments.of("{\"amountFen\": -100}", "amountFen"),
                Arguments.of("{\"amountFen\": 0}", "amountFen"),
                Arguments.of("{\"amountFen\": 9007199254740992}", "amountFen"),
                Arguments.of("{\"amountFen\": 99999999999999999999999}", "amountFen"),
                Arguments.of("{\"amountFen\": null}", "amountFen"),
                Arguments.of("{}", "amountFen"),
                Arguments.of("[1, 2]", "body"),
                Arguments.of("{\"amountFen\": true}", "amountFen"));
    }

    @ParameterizedTest
    @MethodSource("badApplications")
    void badApplicationBodiesAre400sNamingTheField(String body, String field) {
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/api/v1/enterprises/{u}/applications", enterprise)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", equalTo("urn:yrd:problem:invalid-request"))
                .body("violations.field", hasItem(field));
        given().get("/api/v1/enterprises/{u}/vouchers", enterprise).then().body("size()", equalTo(1));
    }

    static List<Arguments> badRedemptionFields() {
        return List.of(
                Arguments.of("category", "X".repeat(65)),
                Arguments.of("invoiceNo", "9".repeat(65)),
                Arguments.of("contractNo", ""),
                Arguments.of("providerUscc", "91310104ABCDEFGHIJ"),
                Arguments.of("voucherId", "not-a-uuid"),
                Arguments.of("completionDate", "2026-02-30"),
                Arguments.of("actualExpenditureFen", -1),
                Arguments.of("requestedFen", 9_007_199_254_740_993L),
                Arguments.of("declarations", Map.of("patentApplicationStage", false)),
                Arguments.of("declarations", Map.of("patentApplicationStage", "no", "statutoryTesting", false,
                        "otherPublicFunding", false)));
    }

    @ParameterizedTest
    @MethodSource("badRedemptionFields")
    void badRedemptionFieldsAre400sAndHoldNothing(String field, Object value) {
        var body = new java.util.HashMap<>(Fixtures.filing(voucher, provider, "INV-" + UUID.randomUUID(), 100_000, 50_000));
        body.put(field, value);
        Fixtures.file(enterprise, body).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", startsWith(field));
        given().get("/api/v1/enterprises/{u}/vouchers", enterprise).then().body("[0].heldFen", equalTo(0));
        given().get("/api/v1/enterprises/{u}/redemptions", enterprise).then().body("size()", equalTo(0));
    }

    @Test
    void unknownEnumValuesAre400s() {
        given().contentType(ContentType.JSON).body(Map.of("uscc", Fixtures.uscc("310115"), "name", "X",
                        "recipientType", "BIG_CORPORATION", "districtCode", "310115"))
                .post("/api/v1/enterprises").then().statusCode(400).body("violations[0].field", equalTo("recipientType"));
    }

    @Test
    void badCreditCodesAre400sNamingTheField() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("uscc", "91310115MA1K3Y8P0X", "name", "X",
                        "recipientType", "STARTUP_TEAM", "districtCode", "310115"))
                .post("/api/v1/enterprises").then().statusCode(400)
                .body("violations[0].field", equalTo("uscc"))
                .body("violations[0].message", startsWith("not a valid unified social credit code"));
        given().get("/api/v1/enterprises/{u}", "123").then().statusCode(400).body("violations[0].field", equalTo("uscc"));
    }

    @Test
    void overLongStringsAre400s() {
        given().contentType(ContentType.JSON).body(Map.of("uscc", Fixtures.uscc("310115"), "name", "名".repeat(201),
                        "recipientType", "STARTUP_TEAM", "districtCode", "310115"))
                .post("/api/v1/enterprises").then().statusCode(400).body("violations[0].field", equalTo("name"));
    }

    @Test
    void unknownPathsAndWrongMethodsAndMediaTypesAreProblems() {
        given().get("/api/v1/nowhere").then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/v1/public/policy").then().statusCode(405).contentType("application/problem+json");
        given().contentType(ContentType.XML).header("Idempotency-Key", "k").body("<a/>")
                .post("/api/v1/enterprises/{u}/applications", enterprise)
                .then().statusCode(415).contentType("application/problem+json");
        given().get("/api/v1/operator/ledger/balance?year=abc").then().statusCode(400)
                .body("violations[0].field", equalTo("year"));
        given().get("/api/v1/operator/ledger/balance?year=1999").then().statusCode(400)
                .body("violations[0].field", equalTo("year"));
    }

    /** Every C0 control and DEL, each at a place of its own in the value. */
    static List<Arguments> controlCharacters() {
        List<Arguments> all = new java.util.ArrayList<>();
        var random = new java.util.Random(20);
        for (int c = 0; c <= 0x20; c++) {
            char control = c == 0x20 ? (char) 0x7f : (char) c;
            String base = "91310115MA1K3Y8P0" + "X".repeat(random.nextInt(4));
            int at = random.nextInt(base.length() + 1);
            all.add(Arguments.of(control, base.substring(0, at) + control + base.substring(at)));
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("controlCharacters")
    void aControlCharacterInAPathOrQueryParameterOrAJsonStringIsA400NamingIt(char control, String value) {
        String encoded = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        given().urlEncodingEnabled(false).get("/api/v1/enterprises/" + encoded).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("uscc"))
                .body("violations[0].code", equalTo("control-character"));
        given().urlEncodingEnabled(false).get("/api/v1/public/draws/" + encoded).then().statusCode(400)
                .body("violations[0].field", equalTo("id"))
                .body("violations[0].code", equalTo("control-character"));
        given().urlEncodingEnabled(false).get("/api/v1/public/providers?status=" + encoded).then().statusCode(400)
                .body("violations[0].field", equalTo("status"))
                .body("violations[0].code", equalTo("control-character"));
        boolean lineOrTab = control == '\t' || control == '\n' || control == '\r';
        var answer = given().contentType(ContentType.JSON).body(Map.of("uscc", Fixtures.uscc("310115"), "name", value,
                        "recipientType", "STARTUP_TEAM", "districtCode", "310115"))
                .post("/api/v1/enterprises").then();
        if (lineOrTab) {
            answer.statusCode(org.hamcrest.Matchers.lessThan(500)); // free text may have lines
        } else {
            answer.statusCode(400).body("violations[0].field", equalTo("name"))
                    .body("violations[0].code", equalTo("control-character"));
        }
    }

    @Test
    void aParameterThatIsNotPercentEncodingIsA400() throws Exception {
        // sent as a browser or a script would, byte for byte (REST Assured refuses to build such a URI)
        @SuppressWarnings("deprecation")
        var c = (java.net.HttpURLConnection) new java.net.URL("http://localhost:" + io.restassured.RestAssured.port
                + "/api/v1/public/providers?status=%zz").openConnection();
        // a 400, never a 500 (the HTTP server itself may refuse it before any of our code reads it)
        org.assertj.core.api.Assertions.assertThat(c.getResponseCode()).isEqualTo(400);
    }

    @Test
    void emptyBodyIsA400() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/enterprises/{u}/applications", enterprise).then().statusCode(400)
                .contentType("application/problem+json");
    }
}
