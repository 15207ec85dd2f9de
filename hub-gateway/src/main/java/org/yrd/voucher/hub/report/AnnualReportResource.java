package org.yrd.voucher.hub.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.util.Locale;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.Reader;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.edge.TimeSource;

/** P8: the task group's annual report, in one click, as a workbook or as an A4 PDF with charts. */
@Path("/api/v1/taskgroup")
public class AnnualReportResource {
    private final AnnualReport annual;
    private final Reader reader;
    private final Clock clock;

    AnnualReportResource(AnnualReport annual, Reader reader, Clock clock) {
        this.annual = annual;
        this.reader = reader;
        this.clock = clock;
    }

    /** The report of a budget year ({@code year}, default this year), a sheet per subject. */
    @RolesAllowed(Roles.TASKGROUP)
    @GET
    @Path("/annual-report.xlsx")
    @Produces(AnnualReport.XLSX)
    public Response xlsx(@QueryParam("year") String year) {
        AnnualReport.Figures figures = annual.figures(year(year));
        Locale locale = reader.locale();
        return Response.ok((StreamingOutput) out -> annual.xlsx(figures, locale, out))
                .header("Content-Disposition", "attachment; filename=\"yrd-report-" + figures.year() + ".xlsx\"").build();
    }

    /** The same report as an A4 PDF with bar charts. */
    @RolesAllowed(Roles.TASKGROUP)
    @GET
    @Path("/annual-report.pdf")
    @Produces("application/pdf")
    public Response pdf(@QueryParam("year") String year) {
        AnnualReport.Figures figures = annual.figures(year(year));
        return Response.ok(annual.pdf(figures, reader.locale()), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"yrd-report-" + figures.year() + ".pdf\"").build();
    }

    private int year(String year) {
        Integer y = Params.year("year", year);
        return y == null ? TimeSource.today(clock).getYear() : y;
    }
}
