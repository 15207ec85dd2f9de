package org.yrd.voucher.hub.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.yrd.voucher.policy.Violation;

/** The hub's errors as RFC 9457 {@code application/problem+json}: never a bare status or a stack trace. */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String type, String title, int status, String detail, String code,
                          List<Violation> violations) {}

    @ServerExceptionMapper
    public Response invalid(QueryParams.Invalid e) {
        return Response.status(400).type("application/problem+json")
                .entity(new Problem("urn:yrd:problem:invalid-request", "invalid request", 400,
                        "a query parameter is not usable; see violations", "invalid-request", e.violations()))
                .build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String code = switch (status) {
            case 404 -> "no-such-resource";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
        return problem(status, code, e.getResponse().getStatusInfo().getReasonPhrase());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected failure", e);
        return problem(500, "internal-error", "internal error; it has been logged");
    }

    static Response problem(int status, String code, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(new Problem("urn:yrd:problem:" + code, detail, status, detail, code, null)).build();
    }
}
