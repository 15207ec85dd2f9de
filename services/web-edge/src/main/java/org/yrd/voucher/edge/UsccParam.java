package org.yrd.voucher.edge;

import org.yrd.voucher.policy.Uscc;

/** Checks a USCC given in a path or a body, with a 400 that names the field. */
public final class UsccParam {
    private UsccParam() {}

    public static String require(String field, String value) {
        if (!Uscc.isValid(value)) {
            throw ProblemException.invalid(field, "uscc");
        }
        return value;
    }
}
