package org.yrd.voucher.hub.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * P9 filing → payment times of one province as the hub keeps them ({@code paid_duration}, V8): counts in buckets 1 %
 * wide, bucket {@code b} holding the durations in [1.01^b, 1.01^(b+1)) seconds and bucket -1 those under a second.
 * A percentile is read off the cumulative counts, interpolated inside its bucket, so it is within 1 % of the exact
 * one; the distribution gives the counts per band of days.
 */
public final class DurationHistogram {
    static final double BASE = 1.01;
    /** Upper ends of the distribution's bands: a day, three days, a week, two weeks, a month; the last band is open. */
    static final long[] BANDS = {86_400, 3 * 86_400, 7 * 86_400, 14 * 86_400, 30 * 86_400};

    /** A band of the distribution: the paid redemptions that took less than {@code upToSeconds} (null: the rest). */
    public record Band(Long upToSeconds, long count) {}

    private final NavigableMap<Integer, Long> buckets = new TreeMap<>();
    private long total;

    public void add(int bucket, long count) {
        if (count > 0) {
            buckets.merge(bucket, count, Long::sum);
            total += count;
        }
    }

    public long total() {
        return total;
    }

    static double lower(int bucket) {
        return bucket < 0 ? 0 : Math.pow(BASE, bucket);
    }

    static double upper(int bucket) {
        return bucket < 0 ? 1 : Math.pow(BASE, bucket + 1);
    }

    /** The {@code p}-quantile (0–1) in seconds, as {@code percentile_cont} would give it to within 1 %; null if empty. */
    public Double percentile(double p) {
        if (total == 0) {
            return null;
        }
        double rank = p * (total - 1);                 // percentile_cont's position among the sorted durations
        long before = 0;
        for (var e : buckets.entrySet()) {
            long n = e.getValue();
            if (rank < before + n) {
                double within = n == 1 ? 0.5 : (rank - before) / (n - 1);
                return lower(e.getKey()) + within * (upper(e.getKey()) - lower(e.getKey()));
            }
            before += n;
        }
        return upper(buckets.lastKey());
    }

    /** The counts per band of days; a bucket counts in the band its lower end falls in. */
    public List<Band> distribution() {
        long[] counts = new long[BANDS.length + 1];
        for (var e : buckets.entrySet()) {
            double from = lower(e.getKey());
            int band = 0;
            while (band < BANDS.length && from >= BANDS[band]) {
                band++;
            }
            counts[band] += e.getValue();
        }
        List<Band> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            out.add(new Band(i < BANDS.length ? BANDS[i] : null, counts[i]));
        }
        return out;
    }
}
