package org.yrd.voucher.hub;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.testkit.KafkaBroker;
import org.yrd.voucher.testkit.PostgresResource;

/** With no broker at all the hub still serves what it holds: the public catalogue and lists, the task group's figures. */
@QuarkusTest
@TestProfile(BrokerAwayTest.NoBroker.class)
@WithTestResource(PostgresResource.class)
class BrokerAwayTest {
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + KafkaBroker.freePort());
        }
    }

    @Test
    void thePublicAndTheTaskGroupAreAnsweredWhileTheBrokerIsAway() {
        for (String path : new String[] {"/api/v1/public/providers", "/api/v1/public/quality-library",
                "/api/v1/public/negative-list", "/api/v1/public/notices", "/api/v1/taskgroup/provinces",
                "/api/v1/taskgroup/flows", "/api/v1/taskgroup/cities", "/api/v1/taskgroup/export.csv"}) {
            given().get(path).then().statusCode(200);
        }
    }
}
