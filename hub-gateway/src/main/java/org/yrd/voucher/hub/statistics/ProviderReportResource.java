package org.yrd.voucher.hub.statistics;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.UsccParam;

/** P11: a provider's service report, public, for its province to reward on and anyone to check. */
@Path("/api/v1/public/provider-reports")
public class ProviderReportResource {
    private final ProviderReports reports;

    ProviderReportResource(ProviderReports reports) {
        this.reports = reports;
    }

    /** One provider's report for a year (default: this year). */
    @PermitAll
    @GET
    @Path("/{uscc}")
    public ProviderReports.Report report(@PathParam("uscc") String uscc, @QueryParam("year") String year) {
        return reports.of(UsccParam.require("uscc", uscc), Params.year("year", year));
    }
}
