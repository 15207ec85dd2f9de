package org.yrd.voucher.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.yrd.voucher.policy.Violation;

/**
 * The one place, for node and hub alike, where errors become {@code application/problem+json} in the reader's
 * language: never a bare status, never a stack trace.
 */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers) {
        return render(e, Messages.locale(headers));
    }

    @ServerExceptionMapper
    public Response invalidBody(JsonProcessingException e, HttpHeaders headers) {
        return render(ProblemException.invalid(jsonViolations(e)), Messages.locale(headers));
    }

    /** More specific than Quarkus' own mapper for this type, so ours answers. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers) {
        return invalidBody(e, headers);
    }

    /** No token, or one that is expired, forged, for another audience or from another issuer. */
    @ServerExceptionMapper({io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.UnauthorizedException.class, io.quarkus.security.AuthenticationRedirectException.class})
    public Response unauthenticated(Exception e, HttpHeaders headers) {
        return Response.fromResponse(render(ofStatus(401), Messages.locale(headers)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** A known caller whose role does not allow this operation. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, HttpHeaders headers) {
        return render(ofStatus(403), Messages.locale(headers));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpHeaders headers) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> Violation.of(fieldOf(v), "constraint", v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .collect(Collectors.toList());
        return render(ProblemException.invalid(violations), Messages.locale(headers));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return invalidBody(json, headers);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        return render(ofStatus(status), Messages.locale(headers));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpHeaders headers) {
        if (unavailable(e)) {
            // the database away, stalled or rolling the transaction back: nothing was done, and the same request
            // (same Idempotency-Key) may be sent again shortly
            LOG.warnf("database unavailable: %s", e.toString());
            return Response.fromResponse(render(ofStatus(503), Messages.locale(headers)))
                    .header("Retry-After", "5").build();
        }
        LOG.error("unexpected failure", e);
        return render(ofStatus(500), Messages.locale(headers));
    }

    /**
     * A failure of the database's availability rather than of the request: no connection (SQLSTATE class 08, or the
     * pool could not hand one out in time), the server shutting down or out of resources (57P, 53), a lock or
     * statement timeout (55P03, 57014), or the transaction rolled back by the database itself (class 40: a deadlock's
     * victim, a serialisation failure) where the request was not decided again already (node {@code Idempotency}).
     * Nothing of the request stayed in any of these.
     */
    static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                if (state == null || state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                        || state.startsWith("40") || state.equals("55P03") || state.equals("57014")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The problem for a bare HTTP status that our code did not choose (e.g. the framework's 404 or 415). */
    public static ProblemException ofStatus(int status) {
        String code = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "no-such-resource";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            case 503 -> "service-unavailable";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
        return new ProblemException(status, code, null, List.of(), List.of());
    }

    public static Problem body(ProblemException e, Locale locale) {
        // a problem may have a title of its own (e.g. a reused Idempotency-Key is no policy refusal)
        String title = Messages.find(locale, "title." + e.code(), List.of());
        if (title == null) {
            title = Messages.text(locale, "title." + e.status(), List.of());
        }
        List<Problem.FieldProblem> fields = e.violations().stream()
                .map(v -> new Problem.FieldProblem(v.field(), v.code(),
                        Messages.text(locale, "violation." + v.code(), v.args())))
                .toList();
        return new Problem("urn:yrd:problem:" + e.code(), title, e.status(), Messages.text(locale, e.code(), e.args()),
                e.code(), e.rule(), fields);
    }

    public static Response render(ProblemException e, Locale locale) {
        return Response.status(e.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, Messages.language(locale))
                .entity(body(e, locale))
                .build();
    }

    static List<Violation> jsonViolations(JsonProcessingException e) {
        String field = "body";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        if (e instanceof ControlCharacters.Refused) {
            return List.of(Violation.of(field, "control-character"));
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
            return List.of(Violation.of(field, "unknown-field"));
        }
        if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            return List.of(Violation.of(field, "wrong-type", typeName(mi.getTargetType())));
        }
        return List.of(Violation.of(field, "malformed-json"));
    }

    private static String typeName(Class<?> type) {
        if (type.isEnum()) {
            return java.util.Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type == long.class || type == int.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true/false";
        }
        if (type == String.class) {
            return "string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "date (yyyy-MM-dd)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    static String fieldOf(ConstraintViolation<?> v) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            names.add(node.getName());
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }
}
