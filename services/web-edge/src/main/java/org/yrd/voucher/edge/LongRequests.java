package org.yrd.voucher.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * A request URI too long for the API is answered with a 414 problem, in the reader's language. Vert.x itself
 * would answer one with an empty 414 before any of our code runs (it offers no hook for that answer), so its
 * line limit ({@code quarkus.http.limits.max-initial-line-length}) is set well above {@link #MAX_URI} and the
 * limit is applied here instead.
 */
@ApplicationScoped
public class LongRequests {
    /** Characters of path and query; far above any request the API documents. */
    public static final int MAX_URI = 4096;

    private final ObjectMapper json;

    LongRequests(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            if (rc.request().uri().length() <= MAX_URI) {
                rc.next();
                return;
            }
            var locale = Messages.locale(rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
            String body;
            try {
                body = json.writeValueAsString(ProblemMapper.body(ProblemMapper.ofStatus(414), locale));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            rc.response().setStatusCode(414).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONTENT_LANGUAGE, Messages.language(locale)).end(body);
        });
    }
}
