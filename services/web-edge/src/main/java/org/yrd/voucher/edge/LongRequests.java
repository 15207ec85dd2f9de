package org.yrd.voucher.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * A request URI too long for the API is answered with a 414 problem, and a body declared larger than
 * {@link #MAX_BODY} with a 413 problem, in the reader's language. Vert.x itself would answer both with an empty
 * status before any of our code runs (it offers no hook for that answer), so its limits
 * ({@code quarkus.http.limits.max-initial-line-length}, {@code max-body-size}) stay above these and the limits
 * are applied here first.
 * <p>
 * A body sent over HTTP/1 (as a reverse proxy sends it on) is then read whole on the event loop ({@link BodyHandler},
 * at most {@link #MAX_BODY}: a chunked body that grows past it is a 413 problem as well) before the request goes on to
 * a resource: Quarkus REST hands a blocking resource method (all of ours) its body as a stream read on the worker
 * thread, which waited for the event loop for each piece, and once more for the body's end, about 4 % of a node's CPU
 * under load in thread hand-offs (docs/benchmarks.md); a body read here is parsed from memory.
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
            answer(rc, status);
        });
        BodyHandler whole = BodyHandler.create(false).setBodyLimit(MAX_BODY); // no uploads: none is accepted
        router.route().order(Integer.MIN_VALUE + 1).handler(rc -> {
            if (hasBody(rc.request())) {
                whole.handle(rc);
            } else {
                rc.next();
            }
        }).failureHandler(rc -> {
            if (rc.statusCode() == 413) { // a chunked body past the limit
                answer(rc, 413);
            } else {
                rc.next();
            }
        });
        router.route().order(Integer.MIN_VALUE + 2).handler(rc -> {
            // chunks that held nothing leave the body handler without a buffer, and Quarkus REST would then wait for
            // the request's stream, which has ended, until the read times out: an empty body instead
            if (hasBody(rc.request()) && rc.body().buffer() == null) {
                rc.setBody(Buffer.buffer());
            }
            rc.next();
        });
    }

    private void answer(RoutingContext rc, int status) {
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
    }

    /**
     * A request over HTTP/1 that sends a body: in chunks, or of a length above zero (none is an empty body, left as it
     * is). Over HTTP/2 the body is left to Quarkus REST's stream: it pauses every request it is handed, and Vert.x
     * refuses to pause an HTTP/2 request that has been read to its end.
     */
    private static boolean hasBody(io.vertx.core.http.HttpServerRequest request) {
        HttpMethod method = request.method();
        if (request.version() == HttpVersion.HTTP_2
                || method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader("Transfer-Encoding") != null || length != null && !"0".equals(length.trim());
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
