package org.yrd.voucher.node.redemption;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.events.States;
import org.yrd.voucher.policy.RedemptionStatus;

/**
 * The state lists the hub counts by ({@link States}, in its rollups and routing) are the policy library's: a
 * redemption holds its amount, and takes its invoice, in the same states at node and hub.
 */
class RedemptionStatesOnTheWireTest {
    @Test
    void theHubsStateListsAreTheLibrarysStates() {
        assertThat(States.HOLDING).containsExactlyElementsOf(Arrays.stream(RedemptionStatus.values())
                .filter(RedemptionStatus::holds).map(Enum::name).toList());
        assertThat(States.LIVE).containsExactlyElementsOf(Arrays.stream(RedemptionStatus.values())
                .filter(RedemptionStatus::live).map(Enum::name).toList());
        for (RedemptionStatus s : RedemptionStatus.values()) {
            assertThat(States.class.getFields()).as(s.name())
                    .anySatisfy(f -> assertThat(f.getName()).isEqualTo(s.name()));
        }
    }
}
