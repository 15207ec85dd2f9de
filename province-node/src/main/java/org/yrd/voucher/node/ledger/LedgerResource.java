package org.yrd.voucher.node.ledger;

import jakarta.annotation.security.RolesAllowed;
import org.yrd.voucher.edge.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.TimeSource;

@Path("/api/v1")
public class LedgerResource {
    private final Ledger ledger;
    private final Clock clock;

    LedgerResource(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** One year: budget = unissued + outstanding + held + redeemed + expired, to the fen. */
    public record Balance(int year, long budgetFen, long unissuedFen, long outstandingFen, long heldFen,
                          long redeemedFen, long expiredFen, boolean reconciles, Ledger.Report detail) {}

    @RolesAllowed({Roles.OPERATOR, Roles.FINANCE})
    @GET
    @Path("/operator/ledger/balance")
    public Balance balance(@QueryParam("year") String year, @QueryParam("pool") String pool) {
        Integer asked = Params.year("year", year);
        int y = asked != null ? asked : TimeSource.today(clock).getYear();
        if (pool != null && !pool.matches("\\d{4}|\\d{6}")) {
            throw ProblemException.invalid("pool", "policy-pool-code");
        }
        // P10: ?pool= a city's or district's pool, reconciled like the province's budget
        var r = ledger.report(y, pool);
        var b = r.fromLedger();
        return new Balance(y, b.budgetFen(), b.unissuedFen(), b.outstandingFen(), b.heldFen(), b.redeemedFen(),
                b.expiredFen(), r.reconciles(), r);
    }
}
