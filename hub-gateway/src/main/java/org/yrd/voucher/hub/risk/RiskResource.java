package org.yrd.voucher.hub.risk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.hub.common.QueryParams;

/** P13 risk prevention: how often each rule fires in the YRD, and what the provinces' operators made of it. */
@Path("/api/v1/taskgroup/risk-rules")
public class RiskResource {
    private final RiskWatch watch;

    RiskResource(RiskWatch watch) {
        this.watch = watch;
    }

    @RolesAllowed(Roles.TASKGROUP)
    @GET
    public List<RiskWatch.RuleTotals> rules(@QueryParam("province") String province) {
        var p = QueryParams.province("province", province);
        return watch.totals(p == null ? null : p.name());
    }
}
