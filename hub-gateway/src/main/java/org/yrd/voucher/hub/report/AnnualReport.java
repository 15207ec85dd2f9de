package org.yrd.voucher.hub.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.yrd.voucher.edge.Messages;
import org.yrd.voucher.edge.PdfSheet;
import org.yrd.voucher.hub.common.HubConfig;
import org.yrd.voucher.hub.registry.QualityLibrary;
import org.yrd.voucher.hub.statistics.Statistics;
import org.yrd.voucher.policy.Money;
import org.yrd.voucher.policy.Province;

/**
 * The task group's annual report (P8 national statistics and assessment), in one click: totals per province, flows
 * between provinces, categories, filing-to-payment time, the providers that served most and the library of
 * high-quality providers, for one budget year; as a workbook (a sheet each) and as an A4 PDF with bar charts. It
 * reads the statistics' read model and the registry's library, and writes nothing.
 */
@ApplicationScoped
public class AnnualReport {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int TOP = 50;

    private final Statistics statistics;
    private final QualityLibrary quality;
    private final HubConfig config;

    AnnualReport(Statistics statistics, QualityLibrary quality, HubConfig config) {
        this.statistics = statistics;
        this.quality = quality;
        this.config = config;
    }

    /** Everything the report says, read once. */
    record Figures(int year, List<Statistics.ProvinceTotals> provinces, List<Statistics.Flow> flows,
                   List<Statistics.CategoryTotal> categories, List<Statistics.TimeToRedemption> times,
                   List<Statistics.TopProvider> top, List<QualityLibrary.Member> library) {}

    Figures figures(int year) {
        return new Figures(year, statistics.provinces(year), statistics.flows(year), statistics.categories(year),
                statistics.timeToRedemption(year), statistics.topProviders(TOP, year), quality.members());
    }

    void xlsx(Figures f, Locale l, OutputStream out) throws IOException {
        Workbook book = new Workbook(out, "YRD innovation vouchers", "1.0");
        Worksheet s = sheet(book, l, "provinces", "province", "issued", "held", "redeemed", "expired", "budget", "budgetUse");
        int r = 1;
        for (Statistics.ProvinceTotals p : f.provinces()) {
            row(s, r++, province(p.province(), l), yuan(p.issuedFen()), yuan(p.heldFen()), yuan(p.redeemedFen()),
                    yuan(p.expiredFen()), p.budgetFen() == null ? null : yuan(p.budgetFen()),
                    p.budgetUse() == null ? null : BigDecimal.valueOf(p.budgetUse()));
        }
        s = sheet(book, l, "flows", "issuingProvince", "providerProvince", "count", "amount");
        r = 1;
        for (Statistics.Flow x : f.flows()) {
            row(s, r++, province(x.issuingProvince(), l), province(x.providerProvince(), l), BigDecimal.valueOf(x.count()),
                    yuan(x.amountFen()));
        }
        s = sheet(book, l, "categories", "category", "count", "amount");
        r = 1;
        for (Statistics.CategoryTotal c : f.categories()) {
            row(s, r++, c.category(), BigDecimal.valueOf(c.count()), yuan(c.amountFen()));
        }
        s = sheet(book, l, "times", "province", "paid", "p50Days", "p90Days");
        r = 1;
        for (Statistics.TimeToRedemption t : f.times()) {
            row(s, r++, province(t.province(), l), BigDecimal.valueOf(t.paid()), days(t.p50Seconds()), days(t.p90Seconds()));
        }
        s = sheet(book, l, "top", "rank", "uscc", "name", "province", "count", "amount");
        r = 1;
        for (Statistics.TopProvider t : f.top()) {
            row(s, r, BigDecimal.valueOf(r), t.providerUscc(), t.name(), province(t.providerProvince(), l),
                    BigDecimal.valueOf(t.count()), yuan(t.amountFen()));
            r++;
        }
        s = sheet(book, l, "library", "uscc", "name", "province", "since");
        r = 1;
        for (QualityLibrary.Member m : f.library()) {
            row(s, r++, m.uscc(), m.name(), province(m.homeProvince(), l), m.since() == null ? null : m.since().toLocalDate().toString());
        }
        book.finish();
    }

    byte[] pdf(Figures f, Locale l) {
        try (PdfSheet pdf = PdfSheet.withFont(config.print().font(), "hub.print.font")) {
            pdf.title(text(l, "report.title", f.year()));
            pdf.heading(text(l, "report.sheet.provinces"));
            pdf.bars(f.provinces().stream().map(p -> province(p.province(), l)).toList(),
                    f.provinces().stream().map(Statistics.ProvinceTotals::redeemedFen).toList(),
                    f.provinces().stream().map(p -> Money.format(p.redeemedFen()) + " / " + Money.format(p.issuedFen())).toList());
            pdf.small(text(l, "report.provincesNote"));
            pdf.heading(text(l, "report.sheet.flows"));
            f.flows().forEach(x -> pdf.line(province(x.issuingProvince(), l) + " -> " + province(x.providerProvince(), l)
                    + "  " + x.count() + "  " + Money.format(x.amountFen())));
            pdf.heading(text(l, "report.sheet.categories"));
            pdf.bars(f.categories().stream().map(Statistics.CategoryTotal::category).toList(),
                    f.categories().stream().map(Statistics.CategoryTotal::amountFen).toList(),
                    f.categories().stream().map(c -> Money.format(c.amountFen()) + " (" + c.count() + ")").toList());
            pdf.heading(text(l, "report.sheet.times"));
            f.times().forEach(t -> pdf.line(province(t.province(), l) + "  " + text(l, "report.timeLine", t.paid(),
                    days(t.p50Seconds()), days(t.p90Seconds()))));
            pdf.heading(text(l, "report.sheet.top"));
            List<Statistics.TopProvider> ten = f.top().stream().limit(10).toList();
            pdf.bars(ten.stream().map(t -> t.name() == null ? t.providerUscc() : t.name()).toList(),
                    ten.stream().map(Statistics.TopProvider::amountFen).toList(),
                    ten.stream().map(t -> Money.format(t.amountFen()) + " (" + t.count() + ")").toList());
            pdf.heading(text(l, "report.sheet.library") + "  " + f.library().size());
            f.library().forEach(m -> pdf.small(m.name() + "  " + m.uscc() + "  " + province(m.homeProvince(), l)));
            return pdf.bytes();
        }
    }

    private static Worksheet sheet(Workbook book, Locale l, String name, String... columns) {
        Worksheet s = book.newWorksheet(text(l, "report.sheet." + name));
        for (int c = 0; c < columns.length; c++) {
            s.value(0, c, text(l, "report.column." + columns[c]));
            s.style(0, c).bold().set();
        }
        return s;
    }

    private static void row(Worksheet s, int row, Object... values) {
        for (int c = 0; c < values.length; c++) {
            if (values[c] instanceof BigDecimal n) {
                s.value(row, c, n);
            } else if (values[c] != null) {
                s.value(row, c, values[c].toString());
            }
        }
    }

    private static String province(String code, Locale l) {
        if (code == null) {
            return "—";
        }
        try {
            Province p = Province.valueOf(code);
            return Locale.ENGLISH.equals(l) ? p.name() : p.nameZh();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    private static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    private static BigDecimal days(Double seconds) {
        return seconds == null ? null : BigDecimal.valueOf(seconds / 86_400).setScale(1, java.math.RoundingMode.HALF_UP);
    }

    private static String text(Locale l, String key, Object... args) {
        return Messages.text(l, key, List.of(args));
    }
}
