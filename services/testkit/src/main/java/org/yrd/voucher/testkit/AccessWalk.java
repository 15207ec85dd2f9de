package org.yrd.voucher.testkit;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yrd.voucher.policy.Uscc;

/**
 * The OpenAPI walk: every operation of the app under test, called without a token (401 unless public), with a
 * token of each role that may not call it (403) and of each role that may (neither 401 nor 403). Path
 * parameters get well-formed values ({@code {uscc}} the calling party's own USCC, {@code {id}} a fresh UUID);
 * bodies are empty JSON objects, so no call changes anything.
 */
public final class AccessWalk {
    /** The party every enterprise or provider token of the walk speaks for. */
    public static final String PARTY = party();

    private AccessWalk() {}

    /** The differences from what the document declares, one line each; empty when every operation holds. */
    public static List<String> walk(List<AccessMatrix.Operation> ops, String realm, List<String> roles,
                                    Map<String, String> pathValues) {
        List<String> wrong = new ArrayList<>();
        for (AccessMatrix.Operation op : ops) {
            String path = op.path().replace("{uscc}", PARTY).replace("{id}", UUID.randomUUID().toString());
            for (var v : pathValues.entrySet()) {
                path = path.replace("{" + v.getKey() + "}", v.getValue());
            }
            int anonymous = call(op.method(), path, given().header(TestIdentities.ANONYMOUS, true));
            if (op.isPublic() ? anonymous == 401 || anonymous == 403 : anonymous != 401) {
                wrong.add(op.method() + " " + op.path() + " without a token: " + anonymous);
            }
            for (String role : roles) {
                Tokens.Identity who = new Tokens.Identity(realm, role + "-walk", role,
                        role.equals("enterprise") || role.equals("provider") || role.equals("agent") ? Map.of("uscc", PARTY, "province", realm)
                                : role.equals("taskgroup") ? Map.of() : Map.of("province", realm));
                int status = call(op.method(), path, given().header("Authorization", Tokens.bearer(who)));
                boolean allowed = op.isPublic() || op.roles().contains(role);
                if (allowed ? status == 401 || status == 403 : status != 403) {
                    wrong.add(op.method() + " " + op.path() + " as " + role + ": " + status
                            + (allowed ? " (allowed)" : " (not allowed: 403 expected)"));
                }
            }
        }
        return wrong;
    }

    private static int call(String method, String path, RequestSpecification request) {
        if (method.equals("GET")) {
            return request.get(path).statusCode();
        }
        return request.contentType("application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{}").request(method, path).statusCode();
    }

    private static String party() {
        String first17 = "91310104WALK00000";
        return first17 + Uscc.checkCharacter(first17);
    }
}
