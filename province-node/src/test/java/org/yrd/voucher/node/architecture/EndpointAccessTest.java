package org.yrd.voucher.node.architecture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.testkit.AccessMatrix;
import org.yrd.voucher.testkit.AccessWalk;
import org.yrd.voucher.testkit.KafkaResource;
import org.yrd.voucher.testkit.PostgresResource;

/**
 * Deny by default, proven over the whole API: the roles each operation declares (its {@code @RolesAllowed},
 * which the API document carries) are the roles it admits, and no other. docs/security.md's table is
 * generated from the same declaration.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class EndpointAccessTest {
    static final List<String> ROLES = List.of("operator", "finance", "enterprise", "provider");

    @Test
    void everyOperationAdmitsExactlyTheRolesItDeclares() {
        var ops = AccessMatrix.of(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        assertThat(ops).hasSizeGreaterThan(30);
        assertThat(ops).filteredOn(AccessMatrix.Operation::isPublic)
                .allSatisfy(op -> assertThat(op.path()).startsWith("/api/v1/public/"));
        assertThat(AccessWalk.walk(ops, "SH", ROLES, Map.of())).isEmpty();
    }

    @Test
    void theSecurityDocumentShowsTheDeclaredMatrix() {
        var ops = AccessMatrix.of(given().get("/q/openapi?format=json").then().extract().asString());
        assertThat(AccessMatrix.syncDocument(AccessMatrix.securityDocument(), "node", AccessMatrix.table(ops, ROLES)))
                .as("docs/security.md was regenerated from the code's declarations: commit it").isTrue();
    }
}
