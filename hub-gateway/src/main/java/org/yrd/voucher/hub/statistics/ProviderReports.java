package org.yrd.voucher.hub.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import org.yrd.voucher.edge.Csv;
import java.math.RoundingMode;
import java.util.List;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.hub.registry.HubProvider;

/**
 * P11 evaluation and incentives: per provider and year, what it did for SMEs with vouchers, from every province's
 * data: services paid, enterprises served, amounts, categories, ratings and the share served across provinces. A
 * province rewards its universities and institutes on these measured results.
 */
@ApplicationScoped
public class ProviderReports {
    private final EntityManager em;
    private final java.time.Clock clock;

    ProviderReports(EntityManager em, java.time.Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The year asked for, or this year in the programme's time zone. */
    public int yearOrThis(Integer year) {
        return year != null ? year : org.yrd.voucher.edge.TimeSource.today(clock).getYear();
    }

    public record CategoryLine(String category, long services, long amountFen) {}

    /** {@code crossRegion…}: services to enterprises of other provinces than the provider's own. */
    public record Report(String uscc, String name, String homeProvince, int year, long services,
                         long enterprisesServed, long amountFen, long crossRegionServices, long crossRegionAmountFen,
                         long ratings, BigDecimal averageRating, List<CategoryLine> categories) {}

    private static final String TOTALS = """
            SELECT p.uscc, p.name, p.home_province, count(s.redemption_id), count(DISTINCT s.enterprise_uscc),
              coalesce(sum(s.voucher_amount_fen), 0), count(s.redemption_id) FILTER (WHERE s.province <> p.home_province),
              coalesce(sum(s.voucher_amount_fen) FILTER (WHERE s.province <> p.home_province), 0),
              count(r.redemption_id), avg(r.score)
            FROM provider p
              JOIN redemption_state s ON s.provider_uscc = p.uscc AND s.status = 'PAID' AND s.budget_year = ?1
              LEFT JOIN rating r ON r.redemption_id = s.redemption_id
            WHERE %s GROUP BY p.uscc, p.name, p.home_province""";

    /** One provider's report for a year (all zero when it served nobody that year); 404 for an unknown provider. */
    public Report of(String uscc, Integer yearAsked) {
        int year = yearOrThis(yearAsked);
        HubProvider p = HubProvider.findById(uscc);
        if (p == null) {
            throw ProblemException.notFound("provider", uscc);
        }
        List<?> rows = em.createNativeQuery(TOTALS.formatted("p.uscc = ?2")).setParameter(1, year)
                .setParameter(2, uscc).getResultList();
        if (rows.isEmpty()) {
            return new Report(p.uscc, p.name, p.homeProvince, year, 0, 0, 0, 0, 0, 0, null, List.of());
        }
        List<?> categories = em.createNativeQuery("""
                        SELECT category, count(*), sum(voucher_amount_fen) FROM redemption_state
                        WHERE provider_uscc = ?1 AND status = 'PAID' AND budget_year = ?2
                        GROUP BY category ORDER BY 3 DESC, 1""").setParameter(1, uscc).setParameter(2, year)
                .getResultList();
        return report((Object[]) rows.get(0), year, categories.stream().map(o -> (Object[]) o)
                .map(c -> new CategoryLine((String) c[0], n(c[1]), n(c[2]))).toList());
    }

    /** Every provider of a province (or all) that served someone in the year, largest amount first. */
    public List<Report> all(int year, String province) {
        List<?> rows = em.createNativeQuery(TOTALS.formatted("(cast(?2 AS varchar) IS NULL OR p.home_province = ?2)")
                        + " ORDER BY 6 DESC, 1").setParameter(1, year).setParameter(2, province).getResultList();
        return rows.stream().map(o -> report((Object[]) o, year, List.of())).toList();
    }

    public String csv(int year, String province) {
        StringBuilder csv = new StringBuilder("uscc,name,homeProvince,year,services,enterprisesServed,amountFen,"
                + "crossRegionServices,crossRegionAmountFen,ratings,averageRating\n");
        for (Report r : all(year, province)) {
            // the name is the provider's own text: neutralised like every cell (Csv)
            csv.append(Csv.line(r.uscc(), r.name(), r.homeProvince(), year, r.services(), r.enterprisesServed(),
                    r.amountFen(), r.crossRegionServices(), r.crossRegionAmountFen(), r.ratings(),
                    r.averageRating() == null ? null : r.averageRating().toPlainString()));
        }
        return csv.toString();
    }

    private static Report report(Object[] r, int year, List<CategoryLine> categories) {
        BigDecimal avg = r[9] == null ? null : new BigDecimal(r[9].toString()).setScale(2, RoundingMode.HALF_UP);
        return new Report((String) r[0], (String) r[1], (String) r[2], year, n(r[3]), n(r[4]), n(r[5]), n(r[6]),
                n(r[7]), n(r[8]), avg, categories);
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
