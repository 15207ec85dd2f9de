package org.yrd.voucher.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.policy.Draw.Entry;

class DrawTest {
    private static final List<Entry> ENTRIES = List.of(new Entry("a", 600, List.of()), new Entry("b", 500, List.of()),
            new Entry("c", 400, List.of()), new Entry("d", 300, List.of("3401")));

    @Test
    void theSameSeedAndListGiveTheSameResultWhateverTheOrderTheyArrived() {
        var one = Draw.allocate("seed-2026", ENTRIES, Map.of(Draw.PROVINCE, 1000L, "3401", 1000L));
        var two = Draw.allocate("seed-2026", List.of(ENTRIES.get(3), ENTRIES.get(1), ENTRIES.get(0), ENTRIES.get(2)),
                Map.of(Draw.PROVINCE, 1000L, "3401", 1000L));
        assertThat(two).isEqualTo(one);
        assertThat(one.order()).containsExactlyInAnyOrder("a", "b", "c", "d");
    }

    @Test
    void neverAllocatesMoreThanTheBudgetAndLetsASmallerLaterApplicationFit() {
        for (String seed : List.of("s1", "s2", "s3", "s4", "s5", "s6")) {
            var r = Draw.allocate(seed, ENTRIES, Map.of(Draw.PROVINCE, 1000L, "3401", 1000L));
            long granted = ENTRIES.stream().filter(e -> r.successful().contains(e.applicationId()))
                    .mapToLong(Entry::amountFen).sum();
            assertThat(granted).isLessThanOrEqualTo(1000);
            // whatever was refused did not fit in what was left at its turn
            long left = 1000 - granted;
            assertThat(ENTRIES).filteredOn(e -> !r.successful().contains(e.applicationId()))
                    .allSatisfy(e -> assertThat(e.amountFen()).isGreaterThan(left));
        }
    }

    @Test
    void aPoolLimitsItsOwnApplications() {
        var r = Draw.allocate("s1", ENTRIES, Map.of(Draw.PROVINCE, 10_000L, "3401", 100L));
        assertThat(r.successful()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void theTicketIsTheSha256OfSeedColonIdInHex() {
        // printf 'seed:app' | sha256sum
        assertThat(Draw.ticket("seed", "app"))
                .isEqualTo("2db056b7782f22b0fe70af1ad325badb0470351b83909790b650024d4f6c6c3e");
    }
}
