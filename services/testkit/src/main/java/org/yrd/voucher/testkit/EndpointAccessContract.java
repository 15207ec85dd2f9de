package org.yrd.voucher.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deny by default, proven over an app's whole API, as a test the app inherits ({@code @QuarkusTest}): the roles
 * each operation declares (its {@code @RolesAllowed}, which the API document carries) are the roles it admits,
 * and no other; only {@code /api/v1/public/…} is open. docs/security.md's table for the app is generated from
 * the same declaration.
 */
public abstract class EndpointAccessContract {
    private final String matrix;
    private final String realm;
    private final List<String> roles;
    private final Map<String, String> pathValues;

    /**
     * @param matrix     the app's table in docs/security.md ({@code node}, {@code hub})
     * @param realm      whose tokens the app under test trusts (a province code, or HUB)
     * @param roles      the roles to walk with, in the table's column order
     * @param pathValues values for path parameters other than {@code {uscc}} and {@code {id}}
     */
    protected EndpointAccessContract(String matrix, String realm, List<String> roles, Map<String, String> pathValues) {
        this.matrix = matrix;
        this.realm = realm;
        this.roles = roles;
        this.pathValues = pathValues;
    }

    private static List<AccessMatrix.Operation> operations() {
        return AccessMatrix.of(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    @Test
    void everyOperationAdmitsExactlyTheRolesItDeclares() {
        var ops = operations();
        assertThat(ops).isNotEmpty();
        assertThat(ops).filteredOn(AccessMatrix.Operation::isPublic)
                .allSatisfy(op -> assertThat(op.path()).startsWith("/api/v1/public/"));
        assertThat(AccessWalk.walk(ops, realm, roles, pathValues)).isEmpty();
    }

    @Test
    void theSecurityDocumentShowsTheDeclaredMatrix() {
        assertThat(AccessMatrix.syncDocument(AccessMatrix.securityDocument(), matrix, AccessMatrix.table(operations(), roles)))
                .as("docs/security.md was regenerated from the code's declarations: commit it").isTrue();
    }
}
