package org.yrd.voucher.node.redemption;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.yrd.voucher.edge.Messages;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.Params;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.Reader;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.node.redemption.RedemptionViews.RedemptionView;
import org.yrd.voucher.policy.RedemptionStatus;

/**
 * The operator's and finance's redemption list as an Excel workbook, in the reader's language: every row the filters
 * find, read a page at a time and written out as it is read (fastexcel), so that a year's redemptions never sit in
 * memory.
 */
@ApplicationScoped
public class RedemptionExport {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int PAGE = 500;
    private static final List<String> COLUMNS = List.of("id", "filedAt", "status", "enterpriseUscc", "enterpriseName",
            "providerUscc", "providerName", "providerProvince", "category", "contractNo", "invoiceNo",
            "actualExpenditure", "voucherAmount", "enterpriseShare", "decidedAt", "decidedBy", "paidAt",
            "paymentReference");

    private final Redemptions redemptions;
    private final RedemptionViews views;
    private final Reader reader;

    RedemptionExport(Redemptions redemptions, RedemptionViews views, Reader reader) {
        this.redemptions = redemptions;
        this.views = views;
        this.reader = reader;
    }

    /** The filters of a list as the request gives them; a range that ends before it starts is refused. */
    Redemptions.Search search(String status, String q, String from, String to) {
        LocalDate first = Params.date("from", from);
        LocalDate last = Params.date("to", to);
        if (first != null && last != null && last.isBefore(first)) {
            throw ProblemException.invalid("to", "date-range", first);
        }
        OffsetDateTime start = first == null ? OffsetDateTime.parse("2000-01-01T00:00:00+08:00")
                : first.atStartOfDay(TimeSource.PROGRAMME_ZONE).toOffsetDateTime();
        OffsetDateTime end = last == null ? OffsetDateTime.parse("9999-01-01T00:00:00+08:00")
                : last.plusDays(1).atStartOfDay(TimeSource.PROGRAMME_ZONE).toOffsetDateTime();
        return new Redemptions.Search(Params.oneOf("status", status, RedemptionStatus.class), Params.text("q", q, 100),
                start, end);
    }

    void write(Redemptions.Search search, OutputStream out) throws IOException {
        Locale locale = reader.locale();
        Workbook book = new Workbook(out, "YRD innovation vouchers", "1.0");
        Worksheet sheet = book.newWorksheet(Messages.text(locale, "export.redemptions", List.of()));
        for (int c = 0; c < COLUMNS.size(); c++) {
            sheet.value(0, c, Messages.text(locale, "export.redemption." + COLUMNS.get(c), List.of()));
            sheet.style(0, c).bold().set();
        }
        int row = 1;
        for (int offset = 0; ; offset += PAGE) {
            Paging page = new Paging(PAGE, offset);
            List<RedemptionView> rows = QuarkusTransaction.requiringNew()
                    .call(() -> views.views(redemptions.search(search, page)));
            for (RedemptionView r : rows) {
                write(sheet, row++, r);
            }
            sheet.flush();
            if (rows.size() < PAGE) {
                break;
            }
        }
        book.finish();
    }

    private static void write(Worksheet s, int row, RedemptionView r) {
        Object[] values = {r.id().toString(), TimeSource.local(r.filedAt()), r.status().name(), r.enterpriseUscc(),
            r.enterpriseName(), r.providerUscc(), r.providerName(), r.providerProvince(), r.category(), r.contractNo(),
            r.invoiceNo(), yuan(r.actualExpenditureFen()), yuan(r.voucherAmountFen()), yuan(r.enterpriseShareFen()),
            TimeSource.local(r.decidedAt()), r.decidedBy(), TimeSource.local(r.paidAt()), r.paymentReference()};
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof BigDecimal n) {
                s.value(row, c, n);
                s.style(row, c).format("#,##0.00").set();
            } else if (v != null) {
                s.value(row, c, v.toString());
            }
        }
    }

    private static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
