package org.yrd.voucher.hub.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.hub.common.QueryParams;

/** YRD-wide statistics for the task group (P8, P10, P11). Money in fen. */
@Path("/api/v1/taskgroup")
public class StatisticsResource {
    private final Statistics statistics;

    private final ProviderReports reports;

    StatisticsResource(Statistics statistics, ProviderReports reports) {
        this.statistics = statistics;
        this.reports = reports;
    }

    /** P11: every provider's service report for a year (default this year), optionally of one home province. */
    @RolesAllowed(Roles.TASKGROUP)
    @GET
    @Path("/provider-reports")
    public List<ProviderReports.Report> providerReports(@QueryParam("year") String year,
                                                        @QueryParam("province") String province) {
        var p = QueryParams.province("province", province);
        return reports.all(reports.yearOrThis(Params.year("year", year)), p == null ? null : p.name());
    }

    /** The same as CSV (UTF-8), for the province's reward process. */
    @RolesAllowed(Roles.TASKGROUP)
    @GET
    @Path("/provider-reports.csv")
    @Produces("text/csv")
    public String providerReportsCsv(@QueryParam("year") String year, @QueryParam("province") String province) {
        var p = QueryParams.province("province", province);
        return reports.csv(reports.yearOrThis(Params.year("year", year)), p == null ? null : p.name());
    }

    @RolesAllowed(Roles.TASKGROUP)
    @GET
    @Path("/provinces")
    public List<Statistics.ProvinceTotals> provinces(@QueryParam("year") String year) {
        return statistics.provinces(Params.year("year", year));
    }

    /** P10: vouchers issued and redemptions paid per city of each province ({@code year} optional). */
    @RolesAllowed(Roles.TASKGROUP)
    @GET
    @Path("/cities")
    public List<Statistics.CityTotals> cities(@QueryParam("year") String year) {
        return statistics.cities(Params.year("year", year));
    }

    /** Issuing province × provider province, for redemptions paid ({@code year}: budget year, optional). */
    @RolesAllowed(Roles.TASKGROUP)
    @GET
    @Path("/flows")
    public List<Statistics.Flow> flows(@QueryParam("year") String year) {
        return statistics.flows(Params.year("year", year));
    }

    @RolesAllowed(Roles.TASKGROUP)
    @GET
    @Path("/categories")
    public List<Statistics.CategoryTotal> categories(@QueryParam("year") String year) {
        return statistics.categories(Params.year("year", year));
    }

    /** P9: filing → payment time per issuing province: median, 90th percentile, distribution ({@code year} optional). */
    @RolesAllowed(Roles.TASKGROUP)
    @GET
    @Path("/time-to-redemption")
    public List<Statistics.TimeToRedemption> timeToRedemption(@QueryParam("year") String year) {
        return statistics.timeToRedemption(Params.year("year", year));
    }

    /** P11: the providers that served most, by amount paid. */
    @RolesAllowed(Roles.TASKGROUP)
    @GET
    @Path("/top-providers")
    public List<Statistics.TopProvider> topProviders(@QueryParam("limit") String limit, @QueryParam("year") String year) {
        return statistics.topProviders(Params.number("limit", limit, 10, 1, 100), Params.year("year", year));
    }

    /** For national statistics: one line per redemption, as the hub knows it. */
    @RolesAllowed(Roles.TASKGROUP)
    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public jakarta.ws.rs.core.StreamingOutput export() {
        return statistics::export;
    }

    /** Whether the hub's totals equal each node's own ledger (latest snapshot), and what differs. */
    @RolesAllowed(Roles.TASKGROUP)
    @GET
    @Path("/reconciliation")
    public List<Statistics.Reconciliation> reconciliation() {
        return statistics.reconciliation();
    }
}
