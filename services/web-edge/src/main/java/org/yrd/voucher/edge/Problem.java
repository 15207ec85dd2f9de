package org.yrd.voucher.edge;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details, with the project's {@code code}, {@code rule} and {@code violations}; every text
 * in the reader's language.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, String rule,
                      List<FieldProblem> violations) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that breaks a rule: its path, the rule's stable code and the rule in plain words. */
    public record FieldProblem(String field, String code, String message) {}
}
