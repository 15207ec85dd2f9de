package org.yrd.voucher.hub.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.yrd.voucher.edge.Csv;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.events.EventTypes;

/**
 * The read model of YRD-wide statistics for the task group (P8, P10, P11), over what {@link Aggregation}
 * writes. Money in fen.
 */
@ApplicationScoped
public class Statistics {
    private final EntityManager em;

    Statistics(EntityManager em) {
        this.em = em;
    }

    public record ProvinceTotals(String province, long issuedFen, long heldFen, long redeemedFen, long expiredFen,
                                 Long budgetFen, Double budgetUse) {}

    /** P10: a city's vouchers issued and redemptions paid (city: the first four digits of the district code). */
    public record CityTotals(String province, String city, long vouchers, long issuedFen, long redemptionsPaid,
                             long redeemedFen) {}

    public record Flow(String issuingProvince, String providerProvince, long count, long amountFen) {}

    public record CategoryTotal(String category, long count, long amountFen) {}

    /** P9: how many were paid, the median and 90th percentile in seconds (within 1 %), and the counts per band of days. */
    public record TimeToRedemption(String province, long paid, Double p50Seconds, Double p90Seconds,
                                   List<DurationHistogram.Band> distribution) {}

    public record TopProvider(String providerUscc, String providerProvince, long count, long amountFen, String name) {}

    public record Reconciliation(String province, int year, boolean matches, Totals hub, Totals node, List<String> differences) {}

    public record Totals(long issuedFen, long heldFen, long redeemedFen, long expiredFen) {}

    public List<ProvinceTotals> provinces(Integer year) {
        List<ProvinceTotals> out = new ArrayList<>();
        for (String p : provincesSeen()) {
            Totals t = hubTotals(p, year);
            Long budget = budget(p, year);
            out.add(new ProvinceTotals(p, t.issuedFen(), t.heldFen(), t.redeemedFen(), t.expiredFen(), budget,
                    budget == null || budget == 0 ? null : (double) t.issuedFen() / budget));
        }
        return out;
    }

    /** P10: issued and paid per city of each province, from the rollup the triggers keep (V8); {@code year} null: every year. */
    @SuppressWarnings("unchecked")
    public List<CityTotals> cities(Integer year) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT province, city, sum(vouchers), sum(issued_fen), sum(paid), sum(redeemed_fen) FROM city_year_totals
                WHERE cast(?1 AS integer) IS NULL OR year = ?1
                GROUP BY 1, 2 HAVING sum(vouchers) <> 0 OR sum(paid) <> 0 ORDER BY 1, 2""").setParameter(1, year).getResultList();
        return rows.stream().map(r -> new CityTotals((String) r[0], (String) r[1], n(r[2]), n(r[3]), n(r[4]), n(r[5]))).toList();
    }

    /** Issuing province × provider province, for redemptions paid; {@code year} (budget year) null: every year. */
    @SuppressWarnings("unchecked")
    public List<Flow> flows(Integer year) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT province, provider_province, sum(count), sum(amount_fen) FROM paid_flow
                WHERE cast(?1 AS integer) IS NULL OR year = ?1
                GROUP BY 1, 2 HAVING sum(count) > 0 ORDER BY 1, 2""").setParameter(1, year).getResultList();
        return rows.stream().map(r -> new Flow((String) r[0], (String) r[1], n(r[2]), n(r[3]))).toList();
    }

    @SuppressWarnings("unchecked")
    public List<CategoryTotal> categories(Integer year) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT category, sum(count), sum(amount_fen) FROM paid_category WHERE cast(?1 AS integer) IS NULL OR year = ?1
                GROUP BY 1 HAVING sum(count) > 0 ORDER BY 3 DESC, 1""").setParameter(1, year).getResultList();
        return rows.stream().map(r -> new CategoryTotal((String) r[0], n(r[1]), n(r[2]))).toList();
    }

    /** P9: filing → payment time, per issuing province, from the histogram the trigger keeps (V8). */
    @SuppressWarnings("unchecked")
    public List<TimeToRedemption> timeToRedemption(Integer year) {
        List<Object[]> rows = em.createNativeQuery("SELECT province, bucket, count FROM paid_duration "
                + "WHERE count > 0 AND (cast(?1 AS integer) IS NULL OR year = ?1)").setParameter(1, year).getResultList();
        java.util.Map<String, DurationHistogram> perProvince = new java.util.TreeMap<>();
        for (Object[] r : rows) {
            perProvince.computeIfAbsent((String) r[0], k -> new DurationHistogram()).add(((Number) r[1]).intValue(), n(r[2]));
        }
        return perProvince.entrySet().stream().map(e -> new TimeToRedemption(e.getKey(), e.getValue().total(),
                e.getValue().percentile(0.5), e.getValue().percentile(0.9), e.getValue().distribution())).toList();
    }

    /** P11: the providers that served most, by amount paid, with their names; {@code year} (budget year) null: every year. */
    @SuppressWarnings("unchecked")
    public List<TopProvider> topProviders(int limit, Integer year) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT t.provider_uscc, t.provider_province, t.count, t.amount_fen, p.name FROM (
                  SELECT provider_uscc, provider_province, sum(count) AS count, sum(amount_fen) AS amount_fen
                  FROM paid_provider WHERE cast(?2 AS integer) IS NULL OR year = ?2
                  GROUP BY 1, 2 HAVING sum(count) > 0 ORDER BY 4 DESC, 3 DESC LIMIT ?1) t
                LEFT JOIN provider p ON p.uscc = t.provider_uscc
                ORDER BY t.amount_fen DESC, t.count DESC""").setParameter(1, limit).setParameter(2, year).getResultList();
        return rows.stream().map(r -> new TopProvider((String) r[0], (String) r[1], n(r[2]), n(r[3]), (String) r[4])).toList();
    }

    /**
     * For national statistics: one line per redemption, as the hub knows it, written to {@code out} as the database
     * sends it (a cursor of 1,000 rows at a time in a read-only transaction), so the memory used does not grow
     * with the programme.
     */
    public void export(java.io.OutputStream out) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.unwrap(org.hibernate.Session.class)
                .doWork(c -> {
                    try (var ps = c.prepareStatement("""
                            SELECT redemption_id, province, provider_province, provider_uscc, category, status,
                              voucher_amount_fen, budget_year, filed_at, paid_at FROM redemption_state ORDER BY filed_at""")) {
                        ps.setFetchSize(1_000);
                        var w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out,
                                java.nio.charset.StandardCharsets.UTF_8), 64 * 1024);
                        w.write("redemption_id,issuing_province,provider_province,provider_uscc,category,status,"
                                + "voucher_amount_fen,budget_year,filed_at,paid_at\n");
                        try (var rs = ps.executeQuery()) {
                            int columns = rs.getMetaData().getColumnCount();
                            while (rs.next()) {
                                for (int i = 1; i <= columns; i++) {
                                    Object v = i >= 9 ? TimeSource.utc(rs.getObject(i)) : rs.getObject(i);
                                    w.write(i == 1 ? "" : ",");
                                    w.write(Csv.cell(v instanceof java.time.OffsetDateTime ? v.toString() : v));
                                }
                                w.write('\n');
                            }
                        }
                        w.flush();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
    }

    /** Whether the hub's totals equal each node's own ledger (latest snapshot), and what differs. */
    @SuppressWarnings("unchecked")
    public List<Reconciliation> reconciliation() {
        List<Object[]> snaps = em.createNativeQuery("""
                SELECT province, year, issued_fen, held_fen, redeemed_fen, expired_fen FROM ledger_snapshot
                ORDER BY province, year""").getResultList();
        List<Reconciliation> out = new ArrayList<>();
        for (Object[] s : snaps) {
            String p = (String) s[0];
            int year = ((Number) s[1]).intValue();
            Totals node = new Totals(n(s[2]), n(s[3]), n(s[4]), n(s[5]));
            Totals hub = hubTotals(p, year);
            List<String> diff = new ArrayList<>();
            compare(diff, "issuedFen", hub.issuedFen(), node.issuedFen());
            compare(diff, "heldFen", hub.heldFen(), node.heldFen());
            compare(diff, "redeemedFen", hub.redeemedFen(), node.redeemedFen());
            compare(diff, "expiredFen", hub.expiredFen(), node.expiredFen());
            out.add(new Reconciliation(p, year, diff.isEmpty(), hub, node, diff));
        }
        return out;
    }

    /** A province's money, of one budget year or all: the rollup the usage events keep (V7), a few rows. */
    private Totals hubTotals(String province, Integer year) {
        Object[] v = (Object[]) em.createNativeQuery("""
                        SELECT coalesce(sum(issued_fen), 0), coalesce(sum(held_fen), 0), coalesce(sum(redeemed_fen), 0),
                               coalesce(sum(expired_fen), 0)
                        FROM province_year_totals WHERE province = ?1 AND (?2 = 0 OR year = ?2)""")
                .setParameter(1, province).setParameter(2, year == null ? 0 : year).getSingleResult();
        return new Totals(n(v[0]), n(v[1]), n(v[2]), n(v[3]));
    }

    /** The budget in the node's latest snapshot for that year (or its latest year), if any. */
    private Long budget(String province, Integer year) {
        List<?> rows = em.createNativeQuery(
                        "SELECT budget_fen FROM ledger_snapshot WHERE province = ?1 AND (?2 = 0 OR year = ?2) ORDER BY year DESC LIMIT 1")
                .setParameter(1, province).setParameter(2, year == null ? 0 : year).getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }

    /**
     * The provinces that reported anything: an index lookup each (a province that issued a voucher, or sent a
     * snapshot), not a scan of every usage event.
     */
    @SuppressWarnings("unchecked")
    private List<String> provincesSeen() {
        return em.createNativeQuery("""
                        SELECT p FROM unnest(cast(?1 AS varchar[])) AS p
                        WHERE EXISTS (SELECT 1 FROM ledger_snapshot s WHERE s.province = p)
                           OR EXISTS (SELECT 1 FROM usage_event u WHERE u.type = ?2 AND u.province = p)
                        ORDER BY 1""")
                .setParameter(1, java.util.Arrays.stream(org.yrd.voucher.policy.Province.values()).map(Enum::name)
                        .toArray(String[]::new))
                .setParameter(2, EventTypes.VOUCHER_ISSUED).getResultList();
    }

    private static void compare(List<String> diff, String field, long hub, long node) {
        if (hub != node) {
            diff.add(field + ": hub " + hub + " vs node " + node + " (" + (hub - node) + ")");
        }
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
