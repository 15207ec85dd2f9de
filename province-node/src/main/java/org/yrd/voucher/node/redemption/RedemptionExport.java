package org.yrd.voucher.node.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.node.common.ListQuery;
import org.yrd.voucher.node.common.XlsxExport;
import org.yrd.voucher.node.common.XlsxExport.Yuan;
import org.yrd.voucher.node.redemption.RedemptionViews.RedemptionView;
import org.yrd.voucher.policy.RedemptionStatus;

/** The operator's and finance's redemption list: its filters, and as an Excel workbook of every row they find. */
@ApplicationScoped
public class RedemptionExport {
    private static final List<String> COLUMNS = List.of("id", "filedAt", "status", "enterpriseUscc", "enterpriseName",
            "providerUscc", "providerName", "providerProvince", "category", "contractNo", "invoiceNo",
            "actualExpenditure", "voucherAmount", "enterpriseShare", "decidedAt", "decidedBy", "paidAt",
            "paymentReference");

    private final Redemptions redemptions;
    private final RedemptionViews views;
    private final XlsxExport xlsx;

    RedemptionExport(Redemptions redemptions, RedemptionViews views, XlsxExport xlsx) {
        this.redemptions = redemptions;
        this.views = views;
        this.xlsx = xlsx;
    }

    /** The filters of a list as the request gives them (see {@link ListQuery}; the days are filing days). */
    Redemptions.Search search(String status, String q, String from, String to) {
        return new Redemptions.Search(Params.oneOf("status", status, RedemptionStatus.class), ListQuery.of(q, from, to));
    }

    Response download(Redemptions.Search search) {
        return xlsx.download("redemptions", COLUMNS, page -> views.views(redemptions.search(search, page)),
                RedemptionExport::row);
    }

    private static Object[] row(RedemptionView r) {
        return new Object[] {r.id(), r.filedAt(), r.status(), r.enterpriseUscc(), r.enterpriseName(), r.providerUscc(),
            r.providerName(), r.providerProvince(), r.category(), r.contractNo(), r.invoiceNo(),
            new Yuan(r.actualExpenditureFen()), new Yuan(r.voucherAmountFen()), new Yuan(r.enterpriseShareFen()),
            r.decidedAt(), r.decidedBy(), r.paidAt(), r.paymentReference()};
    }
}
