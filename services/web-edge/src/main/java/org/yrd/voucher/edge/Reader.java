package org.yrd.voucher.edge;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/**
 * The language of whoever reads the current answer ({@code Accept-Language}: zh-CN by default, en), for texts
 * the system writes into a view, such as the reason for an automatic decision: stored as codes, rendered here.
 */
@ApplicationScoped
public class Reader {
    private final CurrentVertxRequest request;

    Reader(CurrentVertxRequest request) {
        this.request = request;
    }

    public Locale locale() {
        var rc = request.getCurrent();
        return rc == null ? Locale.ROOT : Messages.locale(rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** The text of {@code reason.<code>} in the reader's language, or {@code fallback} when there is no code. */
    public String reason(String code, String fallback, Object... args) {
        if (code == null) {
            return fallback;
        }
        String text = Messages.find(locale(), "reason." + code, java.util.Arrays.asList(args));
        return text != null ? text : code + (fallback == null ? "" : ": " + fallback);
    }
}
