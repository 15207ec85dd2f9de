package org.yrd.voucher.events;

/** Event types, {@code yrd.<aggregate>.<event>.v1}. */
public final class EventTypes {
    public static final String PROVIDER_ADMISSION_CHANGED = "yrd.provider.admission-changed.v1";
    public static final String PROVIDER_RECOGNISED = "yrd.provider.recognised.v1";
    public static final String PROVIDER_WITHDRAWN = "yrd.provider.withdrawn.v1";
    public static final String CREDIT_REPORTED = "yrd.credit.reported.v1";
    public static final String CREDIT_STATUS = "yrd.credit.status.v1";
    public static final String VOUCHER_ISSUED = "yrd.voucher.issued.v1";
    public static final String VOUCHER_EXPIRED = "yrd.voucher.expired.v1";
    public static final String REDEMPTION_TRANSITION = "yrd.redemption.transition.v1";
    public static final String LEDGER_SNAPSHOT = "yrd.ledger.snapshot.v1";
    /** issuing node → hub: please have the provider's node confirm. */
    public static final String REDEMPTION_REQUESTED = "yrd.redemption.requested.v1";
    /** hub → provider's node. */
    public static final String REDEMPTION_CONFIRMATION_REQUESTED = "yrd.redemption.confirmation-requested.v1";
    /** provider's node → hub → issuing node. */
    public static final String REDEMPTION_PROVIDER_ANSWERED = "yrd.redemption.provider-answered.v1";
    /** hub → issuing node: the hub refused the request (duplicate invoice, provider not recognised). */
    public static final String REDEMPTION_REFUSED_BY_HUB = "yrd.redemption.refused-by-hub.v1";

    /** node → hub (usage): a risk flag raised, confirmed or cleared, for the task group's statistics (P13). */
    public static final String RISK_FLAG = "yrd.risk.flag.v1";
    /** hub → issuing node: a cross-province rule fired on one of its redemptions (P13). */
    public static final String RISK_FLAGGED_BY_HUB = "yrd.risk.flagged-by-hub.v1";

    /** node → hub (usage): a YRD-wide notice or typical case published or withdrawn (P12). */
    public static final String NOTICE_PUBLISHED = "yrd.notice.published.v1";

    /** node → hub (usage): an enterprise rated a paid service (P8, P11). */
    public static final String RATING_GIVEN = "yrd.rating.given.v1";

    private EventTypes() {}
}
