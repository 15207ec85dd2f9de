package org.yrd.voucher.events;

/** Kafka topics of the federation and what flows on each (docs/federation.md). */
public final class Topics {
    /** node → hub, key provider USCC: admitted / suspended / revoked at home. */
    public static final String PROVIDER_ADMISSIONS = "yrd.provider-admissions";
    /** hub → all, compacted, key provider USCC: the recognised record, or its withdrawal. */
    public static final String PROVIDER_REGISTRY = "yrd.provider-registry";
    /** node → hub, key party USCC: a province's own negative-list entries. */
    public static final String CREDIT_REPORTS = "yrd.credit-reports";
    /** hub → all, compacted, key party USCC: the YRD negative list (joint punishment, P13). */
    public static final String CREDIT = "yrd.credit";
    /** node → hub, key voucher or redemption id: every transition, for data aggregation (P8). */
    public static final String USAGE = "yrd.usage";
    /** node → hub, key redemption id: cross-region requests and the provider's answers. */
    public static final String HUB_REQUESTS = "yrd.hub.requests";

    private Topics() {}

    /** hub → one node, key redemption id: cross-region requests and answers for that node. */
    public static String nodeInbox(String province) {
        return "yrd.node." + province + ".inbox";
    }
}
