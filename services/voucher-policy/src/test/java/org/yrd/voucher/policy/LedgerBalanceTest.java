package org.yrd.voucher.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LedgerBalanceTest {
    @Test
    void reconcilesWhenIssuedMoneyIsAllAccountedFor() {
        var b = new LedgerBalance(1_000, 600, 300, 100, 150, 50);
        assertThat(b.unissuedFen()).isEqualTo(400);
        assertThat(b.reconciles()).isTrue();
    }

    @Test
    void doesNotReconcileWhenAFenIsMissingOrTheBudgetIsOverIssued() {
        assertThat(new LedgerBalance(1_000, 600, 299, 100, 150, 50).reconciles()).isFalse();
        assertThat(new LedgerBalance(500, 600, 300, 100, 150, 50).reconciles()).isFalse();
    }
}
