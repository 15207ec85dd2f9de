package org.yrd.voucher.node.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.yrd.voucher.policy.Violation;

/** RFC 9457 problem details, with the project's {@code code}, {@code rule} and {@code violations}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, String rule,
                      List<Violation> violations) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
