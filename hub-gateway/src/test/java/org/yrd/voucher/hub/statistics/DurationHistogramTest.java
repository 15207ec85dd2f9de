package org.yrd.voucher.hub.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** P9 percentiles read off the 1 % buckets agree with the exact ones (percentile_cont) to within 1 %. */
class DurationHistogramTest {
    /** The bucket the database's duration_bucket() gives (V8). */
    static int bucket(double seconds) {
        return seconds < 1 ? -1 : (int) Math.floor(Math.log(seconds) / Math.log(1.01));
    }

    static double exact(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int i = (int) Math.floor(rank);
        return i + 1 < sorted.length ? sorted[i] + (rank - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
    }

    @Test
    void percentilesAreWithinOnePercentOfTheExactOnesWhateverTheSpread() {
        Random random = new Random(7);
        for (int run = 0; run < 20; run++) {
            int n = 50 + random.nextInt(5_000);
            double[] durations = new double[n];
            DurationHistogram h = new DurationHistogram();
            for (int i = 0; i < n; i++) {
                // from minutes to months, skewed like real waiting times
                durations[i] = 60 + Math.exp(random.nextDouble() * 15);
                h.add(bucket(durations[i]), 1);
            }
            Arrays.sort(durations);
            for (double p : new double[] {0.5, 0.9}) {
                double expected = exact(durations, p);
                assertThat(h.percentile(p)).as("p%s of %d", p, n).isCloseTo(expected, within(expected * 0.01));
            }
            assertThat(h.total()).isEqualTo(n);
        }
    }

    @Test
    void oneRedemptionOfAMinuteIsAMinuteAndTheBandsCountEveryOne() {
        DurationHistogram h = new DurationHistogram();
        h.add(bucket(60), 1);
        assertThat(h.percentile(0.5)).isCloseTo(60.0, within(0.6));
        h.add(bucket(2 * 86_400.0), 3);          // two days
        h.add(bucket(40 * 86_400.0), 2);         // more than a month
        assertThat(h.distribution()).extracting(DurationHistogram.Band::count).containsExactly(1L, 3L, 0L, 0L, 0L, 2L);
        assertThat(h.distribution().get(5).upToSeconds()).isNull();
        assertThat(new DurationHistogram().percentile(0.5)).isNull();
    }
}
