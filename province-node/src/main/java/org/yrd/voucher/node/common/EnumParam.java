package org.yrd.voucher.node.common;

import org.yrd.voucher.edge.ProblemException;
import java.util.Arrays;

/**
 * A state or kind given as a query parameter, e.g. {@code ?status=APPROVED}: absent means any, and a value
 * that is not one of the type's names is a 400 that names the parameter and lists the allowed values.
 * Query parameters arrive as text so that JAX-RS does not answer an unknown value with its own 404.
 */
public final class EnumParam {
    private EnumParam() {}

    public static <E extends Enum<E>> E of(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        E[] values = type.getEnumConstants();
        return Arrays.stream(values).filter(v -> v.name().equals(value.strip())).findFirst()
                .orElseThrow(() -> ProblemException.invalid(field, "one-of", Arrays.toString(values)));
    }
}
