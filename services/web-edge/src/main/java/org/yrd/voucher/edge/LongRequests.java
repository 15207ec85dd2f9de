package org.yrd.voucher.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * A request URI too long for the API is answered with a 414 problem, and a body declared larger than
 * {@link #MAX_BODY} with a 413 problem, in the reader's language. Vert.x itself would answer both with an empty
 * status before any of our code runs (it offers no hook for that answer), so its limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-body-size}) stay above these and the limits
 * are applied here first. A chunked body that grows past Vert.x's own limit is cut off by Vert.x.
 */
@ApplicationScoped
public class LongRequests {
    /** Characters of path and query; far above any request the API documents. */
    public static final int MAX_URI = 4096;
    /** Bytes of a request body: a filing is under 2 KiB. */
    public static final long MAX_BODY = 64 * 1024;

    private final ObjectMapper json;

    LongRequests(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            int status = rc.request().uri().length() > MAX_URI ? 414 : bodyTooLarge(rc.request()) ? 413 : 0;
            if (status == 0) {
                rc.next();
                return;
            }
            var locale = Messages.locale(rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
            String body;
            try {
                body = json.writeValueAsString(ProblemMapper.body(ProblemMapper.ofStatus(status), locale));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            if (status == 413) {
                rc.response().putHeader("Connection", "close");
            }
            rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONTENT_LANGUAGE, Messages.language(locale)).end(body);
        });
    }

    private static boolean bodyTooLarge(io.vertx.core.http.HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length != null && Long.parseLong(length.trim()) > MAX_BODY;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed length itself
        }
    }
}
