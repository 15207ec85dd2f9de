package org.yrd.voucher.edge;

import java.util.UUID;

/**
 * An id given in a path, read as text and checked here: a malformed id is a 400 that names the parameter,
 * not the framework's bare 404 (JAX-RS answers a path parameter it cannot convert as "not found").
 */
public final class IdParam {
    private static final java.util.regex.Pattern UUID_FORM =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private IdParam() {}

    public static UUID uuid(String field, String value) {
        if (value == null || !UUID_FORM.matcher(value).matches()) {
            throw ProblemException.invalid(field, "uuid");
        }
        return UUID.fromString(value);
    }
}
