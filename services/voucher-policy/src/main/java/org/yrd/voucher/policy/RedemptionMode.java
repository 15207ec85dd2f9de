package org.yrd.voucher.policy;

/** P7: each province chooses how vouchers are redeemed. */
public enum RedemptionMode {
    /** 通兑模式 (事前补贴): the enterprise pays its own share; the voucher share goes to the provider. */
    PRE_SUBSIDY(Payee.PROVIDER),
    /** 通用模式 (事后补贴): the enterprise pays in full; the approved amount goes to the enterprise. */
    POST_SUBSIDY(Payee.ENTERPRISE);

    private final Payee payee;

    RedemptionMode(Payee payee) {
        this.payee = payee;
    }

    public Payee payee() {
        return payee;
    }

    public enum Payee { PROVIDER, ENTERPRISE }
}
