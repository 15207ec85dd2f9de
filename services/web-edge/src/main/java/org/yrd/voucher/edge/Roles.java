package org.yrd.voucher.edge;

/**
 * The roles a token carries ({@code realm_access.roles}), as {@code @RolesAllowed} spells them. docs/security.md
 * has the generated table of who may call what.
 */
public final class Roles {
    /** A province's operator: decides applications, admissions and redemptions, keeps the negative list, drafts policy. */
    public static final String OPERATOR = "operator";
    /** A province's finance officer: records payments. */
    public static final String FINANCE = "finance";
    /** A tech SME (or other recipient), acting for the USCC in its token. */
    public static final String ENTERPRISE = "enterprise";
    /** A service provider, acting for the USCC in its token. */
    public static final String PROVIDER = "provider";
    /**
     * P9 a third-party service point, acting for the USCC in its token and, within what each enterprise authorised,
     * for that enterprise; it never receives money.
     */
    public static final String AGENT = "agent";
    /**
     * An account a company registered itself, at every province realm by default: until an operator of the province
     * confirms which company it acts for, it may only ask for that (docs/security.md "Accounts").
     */
    public static final String APPLICANT = "applicant";
    /** The joint task group, at the hub. */
    public static final String TASKGROUP = "taskgroup";

    /** Claims: the province of an operator or finance officer, the USCC of an enterprise or provider. */
    public static final String PROVINCE_CLAIM = "province";
    public static final String USCC_CLAIM = "uscc";

    private Roles() {}
}
