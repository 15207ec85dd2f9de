package org.yrd.voucher.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yrd.voucher.policy.RedemptionStatus.APPROVED;
import static org.yrd.voucher.policy.RedemptionStatus.DISPUTED;
import static org.yrd.voucher.policy.RedemptionStatus.EXPIRED;
import static org.yrd.voucher.policy.RedemptionStatus.FILED;
import static org.yrd.voucher.policy.RedemptionStatus.PAID;
import static org.yrd.voucher.policy.RedemptionStatus.PROVIDER_CONFIRMED;
import static org.yrd.voucher.policy.RedemptionStatus.REJECTED;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The life of a redemption: every allowed move, and every other one refused. */
class RedemptionStatusTest {
    private static final Map<RedemptionStatus, Set<RedemptionStatus>> ALLOWED = Map.of(
            FILED, Set.of(PROVIDER_CONFIRMED, DISPUTED, REJECTED, EXPIRED),
            PROVIDER_CONFIRMED, Set.of(APPROVED, REJECTED),
            APPROVED, Set.of(PAID, REJECTED),
            PAID, Set.of(), REJECTED, Set.of(), DISPUTED, Set.of(), EXPIRED, Set.of());

    @Test
    void everyPairOfStatesIsAllowedOrRefusedAsThePolicySays() {
        for (RedemptionStatus from : RedemptionStatus.values()) {
            for (RedemptionStatus to : RedemptionStatus.values()) {
                assertThat(from.canBecome(to)).as(from + " → " + to).isEqualTo(ALLOWED.get(from).contains(to));
            }
            assertThat(from.next()).isEqualTo(ALLOWED.get(from));
        }
    }

    @Test
    void theAmountIsHeldUntilPaidOrEndedAndTheInvoiceStaysTakenOncePaid() {
        assertThat(List.of(RedemptionStatus.values())).filteredOn(RedemptionStatus::holds)
                .containsExactly(FILED, PROVIDER_CONFIRMED, APPROVED);
        assertThat(List.of(RedemptionStatus.values())).filteredOn(RedemptionStatus::live)
                .containsExactly(FILED, PROVIDER_CONFIRMED, APPROVED, PAID);
    }

    /** Any sequence of attempted moves, applying only the allowed ones, as the node's service does. */
    @Property
    void anyWalkPaysOnlyAfterApprovalNeverLeavesAnEndAndNeverReturnsToFiled(@ForAll("walks") List<RedemptionStatus> tried) {
        RedemptionStatus at = FILED;
        List<RedemptionStatus> path = new ArrayList<>(List.of(at));
        for (RedemptionStatus next : tried) {
            if (at.canBecome(next)) {
                at = next;
                path.add(at);
            }
        }
        assertThat(path.subList(1, path.size())).doesNotContain(FILED);
        int paid = path.indexOf(PAID);
        if (paid >= 0) {
            assertThat(path.subList(0, paid)).containsSubsequence(FILED, PROVIDER_CONFIRMED, APPROVED);
            assertThat(paid).isEqualTo(path.size() - 1);
        }
        for (int i = 0; i < path.size() - 1; i++) {
            assertThat(path.get(i).holds()).as("only a held redemption moves on").isTrue();
        }
        assertThat(path).doesNotHaveDuplicates();
    }

    @Provide
    Arbitrary<List<RedemptionStatus>> walks() {
        return Arbitraries.of(RedemptionStatus.class).list().ofMaxSize(10);
    }
}
