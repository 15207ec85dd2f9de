package org.yrd.voucher.policy;

import java.util.List;

/**
 * A business refusal, returned as a value: a stable code, the policy rule it applies and the values a
 * message needs. The node renders it in the reader's language.
 */
public record Refusal(String code, String rule, List<Object> args) {
    public Refusal {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Refusal of(String code, String rule, Object... args) {
        return new Refusal(code, rule, List.of(args));
    }
}
