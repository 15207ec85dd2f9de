package org.yrd.voucher.node.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.TestIdentities;
import org.yrd.voucher.testkit.PostgresResource;
import org.yrd.voucher.node.testing.Fixtures;

/** Errors as a client meets them at the door: always problem+json, in the reader's language, naming the field. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ErrorDoorsTest {
    @TestHTTPResource("/")
    URI base;

    /**
     * A body sent in chunks, without its length: read whole before it reaches the resource (web-edge LongRequests),
     * so within the limit it is answered as any other, and past it it is a 413 problem that changes nothing; over
     * HTTP/2 (left to Quarkus REST's stream) it is answered as well.
     */
    @Test
    void aChunkedBodyIsReadWholeAndPastTheLimitIsA413Problem() throws Exception {
        String e = Fixtures.enterprise("310115");
        String path = "/api/v1/enterprises/" + e + "/applications";
        HttpResponse<String> within = chunked(path, "{\"amountFen\": 100000}");
        assertThat(within.statusCode()).isEqualTo(201);
        assertThat(within.body()).contains("\"amountFen\":100000");
        String other = "/api/v1/enterprises/" + Fixtures.enterprise("310115") + "/applications";
        HttpResponse<String> http2 = send(other, "{\"amountFen\": 100000}", HttpClient.Version.HTTP_2);
        assertThat(http2.statusCode()).isEqualTo(201);
        assertThat(http2.version()).isEqualTo(HttpClient.Version.HTTP_2);

        HttpResponse<String> past = chunked(path, "{\"amountFen\": 100000, \"pad\": \"" + "x".repeat(70 * 1024) + "\"}");
        assertThat(past.statusCode()).isEqualTo(413);
        assertThat(past.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(past.body()).contains("payload-too-large");
        given().get("/api/v1/enterprises/{u}/applications", e).then().body("size()", equalTo(1));
        // no chunk at all: an empty body, refused as one
        HttpResponse<String> empty = chunked(path, "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private HttpResponse<String> chunked(String path, String json) throws Exception {
        return send(path, json, HttpClient.Version.HTTP_1_1);
    }

    private HttpResponse<String> send(String path, String json, HttpClient.Version version) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .header("Content-Type", "application/json")
                .header("Authorization", TestIdentities.authorization(path, json))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                // a stream of unknown length: sent in chunks
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
        return HttpClient.newBuilder().version(version).build().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aVeryLongUriIsA414Problem() {
        given().get("/api/v1/public/" + "a".repeat(5000)).then().statusCode(414)
                .contentType("application/problem+json").body("type", equalTo("urn:yrd:problem:uri-too-long"))
                .body("title", equalTo("请求地址过长"));
        given().header("Accept-Language", "en").get("/api/v1/public/" + "a".repeat(20_000)).then().statusCode(414)
                .contentType("application/problem+json").body("title", equalTo("URI too long"));
        // below the limit: the API's own answer
        given().get("/api/v1/public/" + "a".repeat(3000)).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/operator/redemptions/-1/pay", "/api/v1/operator/redemptions/not-a-uuid/reject",
            "/api/v1/operator/applications/123/approve"})
    void aMalformedIdInThePathIsA400NamingIt(String path) {
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(path.endsWith("/pay") ? Map.of("paymentReference", "p") : Map.of("reason", "r")).post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("id"))
                .body("violations[0].code", equalTo("uuid"));
    }

    @Test
    void aControlCharacterForAUsccIsA400NamingIt() {
        given().contentType(ContentType.JSON).body(Map.of("reason", "r"))
                .post("/api/v1/operator/providers/%00/suspend")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("uscc"));
    }

    @Test
    void aBodyOfAnotherMediaTypeIs415AndChangesNothing() {
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        given().contentType(ContentType.TEXT).body("raw reason")
                .post("/api/v1/operator/providers/{u}/suspend", provider)
                .then().statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("unsupported-media-type"));
        given().get("/api/v1/providers/{u}", provider).then().body("status", equalTo("ADMITTED"));
    }

    @Test
    void notFoundSpeaksOneLanguage() {
        String unknown = Fixtures.uscc("310115");
        given().get("/api/v1/enterprises/{u}", unknown).then().statusCode(404)
                .body("detail", equalTo("未找到企业：" + unknown + "。"));
        given().header("Accept-Language", "en").get("/api/v1/enterprises/{u}", unknown).then().statusCode(404)
                .body("detail", equalTo("No enterprise " + unknown + "."));
    }

    @Test
    void everyKindOfThingNotFoundIsNamedInTheReadersLanguage() {
        String id = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(Map.of("reason", "r"))
                .post("/api/v1/operator/negative-list/{id}/end", id).then().statusCode(404)
                .body("detail", equalTo("未找到负面清单记录：" + id + "。"));
        given().header("Accept-Language", "en").get("/api/v1/enterprises/{u}/redemptions/{id}", Fixtures.uscc("310115"), id)
                .then().statusCode(404).body("detail", equalTo("No redemption " + id + "."));
        given().contentType(ContentType.JSON).header("Idempotency-Key", id).body(Map.of("reason", "r"))
                .post("/api/v1/operator/applications/{id}/approve", id).then().statusCode(404)
                .body("detail", equalTo("未找到申领：" + id + "。"));
        given().get("/api/v1/providers/{u}", Fixtures.uscc("310104")).then().statusCode(404)
                .body("detail", org.hamcrest.Matchers.startsWith("未找到服务机构："));
    }

    @Test
    void fieldMessagesFollowTheReadersLanguage() {
        var bad = Map.of("uscc", "91310115MA1K3Y8P0X", "name", "X", "recipientType", "STARTUP_TEAM",
                "districtCode", "310115");
        given().contentType(ContentType.JSON).body(bad).post("/api/v1/enterprises").then().statusCode(400)
                .header("Content-Language", "zh-CN")
                .body("violations[0].code", equalTo("uscc"))
                .body("violations[0].message", containsString("统一社会信用代码"));
        given().contentType(ContentType.JSON).header("Accept-Language", "en").body(Map.of("name", "X"))
                .post("/api/v1/enterprises").then().statusCode(400)
                .header("Content-Language", "en")
                .body("violations.message", org.hamcrest.Matchers.hasItem("must not be null"));
        given().contentType(ContentType.JSON).body(Map.of("name", "X"))
                .post("/api/v1/enterprises").then().statusCode(400)
                .body("violations.message", org.hamcrest.Matchers.hasItem("不能为null"));
    }

    @Test
    void aReusedIdempotencyKeyIsNotCalledAPolicyRefusal() {
        String enterprise = Fixtures.enterprise("310115");
        String key = UUID.randomUUID().toString();
        for (long amount : new long[] {100_000, 200_000}) {
            var answer = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(Map.of("amountFen", amount)).post("/api/v1/enterprises/{u}/applications", enterprise);
            if (amount == 200_000) {
                answer.then().statusCode(422).body("code", equalTo("idempotency-key-reused"))
                        .body("title", not(equalTo("政策不允许")));
            }
        }
    }
}
