package org.yrd.voucher.edge;

/**
 * Who did something, for history and the audit trail: the token's subject and user name, the role it acted in,
 * its province or USCC claim, the request and the client address. Jobs and federation events act as
 * {@link #system(String)}.
 */
public record Actor(String subject, String name, String role, String province, String uscc, String requestId,
                    String clientAddress) {
    public static final String SYSTEM = "system";

    /** The node itself, e.g. {@code system("expiry-job")} or {@code system("federation")}. */
    public static Actor system(String what) {
        return new Actor(SYSTEM, what, SYSTEM, null, null, null, null);
    }

    /** How history shows the actor: the user name, or the subject when the token has none. */
    public String label() {
        return name != null ? name : subject;
    }
}
