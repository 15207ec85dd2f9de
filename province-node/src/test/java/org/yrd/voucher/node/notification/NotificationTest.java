package org.yrd.voucher.node.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.node.testing.Fixtures;
import org.yrd.voucher.node.testing.MailResource;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;
import org.yrd.voucher.testkit.Tokens;

/**
 * Every step that waits for someone tells them, in the console and by mail through a real SMTP server, read back over
 * IMAP: once each, in the reader's language, never after they switched mail off.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(MailResource.class)
class NotificationTest {
    @Inject
    MailSender mails;
    @Inject
    Notifier notifier;

    private static RequestSpecification as(String role, String uscc, String language) {
        String address = uscc.toLowerCase() + "@mail.test";
        return given().header("Authorization", Tokens.bearer(new Tokens.Identity("SH", uscc.toLowerCase(), role,
                        Map.of("uscc", uscc, "province", "SH", "email", address))))
                .header("Accept-Language", language).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON);
    }

    @Test
    void theEnterpriseAndTheProviderAreToldInTheConsoleAndByMailOnceEachInTheirLanguage() {
        String enterprise = Fixtures.enterprise("310115");
        String provider = Fixtures.admittedProvider(List.of("TESTING_INSPECTION_CERTIFICATION"));
        // signing in makes the accounts known, with their address (the console's first unread count); the
        // enterprise reads English
        as("enterprise", enterprise, "en").get("/api/v1/notifications/unread").then().statusCode(200);
        as("enterprise", enterprise, "en").body(Map.of("email", true, "language", "en"))
                .post("/api/v1/notifications/settings").then().statusCode(200).body("address", equalTo(enterprise.toLowerCase() + "@mail.test"));
        as("provider", provider, "zh-CN").get("/api/v1/notifications/unread").then().statusCode(200);

        String voucher = Fixtures.voucher(enterprise, 1_000_000); // under SH's auto-approval threshold
        String redemption = Fixtures.file(enterprise, Fixtures.filing(voucher, provider, "FP-N-" + UUID.randomUUID(), 1_000_000, 500_000))
                .then().statusCode(201).extract().path("id");

        as("enterprise", enterprise, "en").get("/api/v1/notifications").then().statusCode(200)
                .body("kind", hasItem("application-approved"))
                .body("find { it.kind == 'application-approved' }.text", org.hamcrest.Matchers.containsString("was approved"));
        as("provider", provider, "zh-CN").get("/api/v1/notifications/unread").then().body("unread", equalTo(1));
        String id = as("provider", provider, "zh-CN").get("/api/v1/notifications").then()
                .body("[0].kind", equalTo("redemption-requested")).body("[0].target", equalTo(redemption))
                .body("[0].text", org.hamcrest.Matchers.containsString("请您确认服务")).extract().path("[0].id");

        // the notifier and the sender run again, as after a restart: nothing is made or sent twice
        notifier.catchUp();
        mails.sendDue();
        notifier.catchUp();
        mails.sendDue();
        assertThat(MailResource.subjects(provider.toLowerCase() + "@mail.test"))
                .singleElement().asString().startsWith("【长三角科技创新券】").contains("请您确认服务");
        assertThat(MailResource.subjects(enterprise.toLowerCase() + "@mail.test"))
                .singleElement().asString().startsWith("[YRD innovation vouchers]").contains("was approved");

        // read: the count drops for this account only; another party's notification is not found
        as("provider", provider, "zh-CN").post("/api/v1/notifications/{id}/read", id).then().statusCode(200);
        as("provider", provider, "zh-CN").get("/api/v1/notifications/unread").then().body("unread", equalTo(0));
        as("enterprise", enterprise, "en").post("/api/v1/notifications/{id}/read", id).then().statusCode(404);

        // mail off: the provider's confirmation is in the enterprise's centre, not in its mailbox
        as("enterprise", enterprise, "en").body(Map.of("email", false)).post("/api/v1/notifications/settings")
                .then().statusCode(200).body("email", equalTo(false));
        as("provider", provider, "zh-CN").post("/api/v1/providers/{p}/redemptions/{r}/confirm", provider, redemption)
                .then().statusCode(200);
        as("enterprise", enterprise, "en").get("/api/v1/notifications?unread=true").then()
                .body("kind", hasItem("redemption-confirmed"));
        mails.sendDue();
        assertThat(MailResource.subjects(enterprise.toLowerCase() + "@mail.test")).hasSize(1);
    }

    @Test
    void operatorsAreToldWhatWaitsForThemAndAParameterIsChecked() {
        String enterprise = Fixtures.enterprise("310115");
        String application = Fixtures.apply(enterprise, 3_000_000).then().statusCode(201).extract().path("id");
        String operator = Tokens.bearer(Tokens.Identity.operator("SH", "operator-1"));
        given().header("Authorization", operator).get("/api/v1/notifications").then().statusCode(200)
                .body("findAll { it.kind == 'application-waiting' }.target", hasItem(application));
        // a finance officer is not told what waits for operators
        given().header("Authorization", Tokens.bearer(Tokens.Identity.finance("SH", "finance-9")))
                .get("/api/v1/notifications").then().statusCode(200).body("target", not(hasItem(application)));
        given().header("Authorization", operator).get("/api/v1/notifications?unread=maybe").then().statusCode(400)
                .body("violations[0].field", equalTo("unread"));
        given().header("Authorization", operator).contentType(ContentType.JSON).body(Map.of("email", true, "language", "fr"))
                .post("/api/v1/notifications/settings").then().statusCode(400);
    }
}
