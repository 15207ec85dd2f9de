package org.yrd.voucher.edge;

import java.util.List;
import org.yrd.voucher.policy.Refusal;
import org.yrd.voucher.policy.Violation;

/**
 * Any answer other than success, carried to the one problem+json mapper: {@code code} names the problem
 * and the message (rendered in the reader's language), {@code rule} the policy rule it applies.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String code;
    private final String rule;
    private final List<Object> args;
    private final List<Violation> violations;

    public ProblemException(int status, String code, String rule, List<Object> args, List<Violation> violations) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
        this.rule = rule;
        this.args = args == null ? List.of() : List.copyOf(args);
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    /** 422: the policy refuses. */
    public static ProblemException refused(Refusal r) {
        return new ProblemException(422, r.code(), r.rule(), r.args(), List.of());
    }

    public static ProblemException refused(String code, String rule, Object... args) {
        return new ProblemException(422, code, rule, List.of(args), List.of());
    }

    /** 404; {@code what} is a kind of thing ("enterprise", "voucher" …), rendered in the reader's language. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", null, List.of(new Messages.Key("thing." + what), String.valueOf(id)),
                List.of());
    }

    /** 403: the caller may not do this; {@code code} names the rule (e.g. a maker–checker rule). */
    public static ProblemException forbidden(String code, String rule, Object... args) {
        return new ProblemException(403, code, rule, List.of(args), List.of());
    }

    /** 409: the thing is not in a state that allows this. */
    public static ProblemException conflict(String code, Object... args) {
        return new ProblemException(409, code, null, List.of(args), List.of());
    }

    /** 429: a limit on how often one may do this ({@code code} names it). */
    public static ProblemException tooMany(String code, Object... args) {
        return new ProblemException(429, code, null, List.of(args), List.of());
    }

    /** 400: malformed input, with the offending fields. */
    public static ProblemException invalid(List<Violation> violations) {
        return new ProblemException(400, "invalid-request", null, List.of(), violations);
    }

    /** 400: one field breaks the rule {@code violation.<code>} of the message bundles. */
    public static ProblemException invalid(String field, String code, Object... args) {
        return invalid(List.of(Violation.of(field, code, args)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String rule() {
        return rule;
    }

    public List<Object> args() {
        return args;
    }

    public List<Violation> violations() {
        return violations;
    }
}
