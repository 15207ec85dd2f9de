package org.yrd.voucher.node.common;

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

/** The one place errors become {@code application/problem+json}: never a bare status, never a stack trace. */
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

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpHeaders headers) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage()))
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
        String code = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "no-such-resource";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        return render(new ProblemException(status, code, null, List.of(), List.of()), Messages.locale(headers));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpHeaders headers) {
        LOG.error("unexpected failure", e);
        return render(new ProblemException(500, "internal-error", null, List.of(), List.of()), Messages.locale(headers));
    }

    static Response render(ProblemException e, Locale locale) {
        String status = String.valueOf(e.status());
        Problem body = new Problem(
                "urn:yrd:problem:" + e.code(),
                Messages.text(locale, "title." + (e.status() == 422 ? "422" : status), List.of()),
                e.status(),
                Messages.text(locale, e.code(), e.args()),
                e.code(),
                e.rule(),
                e.violations());
        return Response.status(e.status())
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, Messages.language(locale))
                .entity(body)
                .build();
    }

    static List<Violation> jsonViolations(JsonProcessingException e) {
        String field = "body";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String message = e.getOriginalMessage();
        if (message != null && message.length() > 200) {
            message = message.substring(0, 200);
        }
        return List.of(new Violation(field, message == null ? "malformed JSON" : message));
    }

    static String fieldOf(ConstraintViolation<?> v) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            names.add(node.getName());
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }
}
