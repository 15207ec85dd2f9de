package org.yrd.voucher.policy;

import java.util.List;

/**
 * One field that breaks a rule: the field's path, the rule's stable code and the values its message needs.
 * The edge renders the message in the reader's language.
 */
public record Violation(String field, String code, List<Object> args) {
    public Violation {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Violation of(String field, String code, Object... args) {
        return new Violation(field, code, List.of(args));
    }
}
