package org.yrd.voucher.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * For the behaviour tests of an app (policy, money, federation), each REST Assured request without an
 * {@code Authorization} header is sent as the user its path belongs to, with a token of the run's key:
 * {@code /operator/…} as an operator of the node's province ({@code …/pay} as its finance officer),
 * {@code /enterprises/{uscc}/…} and {@code /providers/{uscc}/…} as that party (a registration as the party its
 * body names), {@code /taskgroup/…} as the task group; public paths without a token. A test that means to call
 * without a token sends {@value #ANONYMOUS}; the authorisation tests set their own tokens.
 */
public class TestIdentities implements QuarkusTestBeforeEachCallback {
    /** A request header (removed before sending) that keeps a request without a token. */
    public static final String ANONYMOUS = "X-Test-Anonymous";
    private static final Pattern PARTY = Pattern.compile("/api/v1/(enterprises|providers|agents)(?:/([^/?]+))?.*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean installed;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        synchronized (TestIdentities.class) {
            if (installed || !ApiContract.restAssuredPresent()) {
                return;
            }
            installed = true; // once per class loader, like ApiContract
        }
        Installer.install();
    }

    /** Kept apart so that this class loads where REST Assured is absent. */
    private static final class Installer {
        static void install() {
            Filter identities = (request, response, ctx) -> {
                if (request.getHeaders().hasHeaderWithName(ANONYMOUS)) {
                    request.removeHeader(ANONYMOUS);
                } else if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                    String authorization = authorization(URI.create(request.getURI()).getRawPath(), request.getBody());
                    if (authorization != null) {
                        request.header("Authorization", authorization);
                    }
                }
                return ctx.next(request, response);
            };
            RestAssured.filters(identities);
        }
    }

    /** The Authorization header the user {@code path} belongs to sends, or null for a public path. */
    public static String authorization(String path, Object body) {
        String realm = ConfigProvider.getConfig().getOptionalValue("node.province", String.class).orElse("HUB");
        Tokens.Identity who = identityFor(realm, path, body);
        return who == null ? null : Tokens.bearer(who);
    }

    /**
     * The user a request to {@code path} at the app of {@code realm} (a province code, or HUB) belongs to, or null
     * for a public path. {@code body}: the request's body, for a registration's USCC.
     */
    public static Tokens.Identity identityFor(String realm, String path, Object body) {
        if (path.startsWith("/api/v1/taskgroup/")) {
            return Tokens.Identity.taskgroup("taskgroup-1");
        }
        if (path.matches("/api/v1/operator/redemptions/[^/]+/pay")) {
            return Tokens.Identity.finance(realm, "finance-1");
        }
        if (path.startsWith("/api/v1/operator/")) {
            return Tokens.Identity.operator(realm, "operator-1");
        }
        Matcher m = PARTY.matcher(path);
        if (!m.matches()) {
            return null;
        }
        // a body without a USCC: its malformed input is what the test is about
        String uscc = m.group(2) != null ? m.group(2) : bodyUscc(body);
        return switch (m.group(1)) {
            case "enterprises" -> Tokens.Identity.enterprise(realm, uscc);
            case "agents" -> Tokens.Identity.agent(realm, uscc);
            default -> Tokens.Identity.provider(realm, uscc);
        };
    }

    private static String bodyUscc(Object body) {
        try {
            Object parsed = body instanceof String s ? JSON.readValue(s, Map.class)
                    : body instanceof byte[] b ? JSON.readValue(b, Map.class) : body;
            return parsed instanceof Map<?, ?> map && map.get("uscc") instanceof String u ? u : "none";
        } catch (java.io.IOException | RuntimeException e) {
            return "none";
        }
    }
}
