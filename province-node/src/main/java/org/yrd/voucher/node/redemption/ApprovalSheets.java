package org.yrd.voucher.node.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.yrd.voucher.edge.Messages;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.node.common.ListQuery;
import org.yrd.voucher.edge.PdfSheet;
import org.yrd.voucher.edge.Reader;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.node.audit.AuditTrail;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.node.redemption.RedemptionViews.RedemptionView;
import org.yrd.voucher.policy.Money;

/**
 * The A4 approval sheets for the file, in the reader's language: one redemption with every audit record of it, or one
 * day's payments with the audit record of each; each record by its place in the chain ({@code seq}) and the start of
 * its hash, so that the paper can be checked against the trail.
 */
@ApplicationScoped
public class ApprovalSheets {
    private final Redemptions redemptions;
    private final RedemptionViews views;
    private final AuditTrail trail;
    private final Reader reader;
    private final NodeConfig config;

    ApprovalSheets(Redemptions redemptions, RedemptionViews views, AuditTrail trail, Reader reader, NodeConfig config) {
        this.redemptions = redemptions;
        this.views = views;
        this.trail = trail;
        this.reader = reader;
        this.config = config;
    }

    /** One redemption's approval sheet. */
    public byte[] redemption(UUID id) {
        Locale l = reader.locale();
        RedemptionView r = views.named(redemptions.get(id));
        List<AuditTrail.Record> records = new ArrayList<>(trail.find(
                new AuditTrail.Filter(null, null, id.toString(), null), new Paging(Paging.MAX_LIMIT, 0)));
        java.util.Collections.reverse(records); // the order things happened in
        try (PdfSheet sheet = PdfSheet.withFont(config.print().font(), "node.print.font")) {
            sheet.title(Messages.text(l, "sheet.redemption.title", List.of(config.province().name()))).gap();
            field(sheet, l, "id", r.id().toString());
            field(sheet, l, "status", r.status().name());
            field(sheet, l, "enterprise", r.enterpriseName() + "  " + r.enterpriseUscc());
            field(sheet, l, "provider", r.providerName() + "  " + r.providerUscc() + "  (" + r.providerProvince() + ")");
            field(sheet, l, "category", r.category());
            field(sheet, l, "contractNo", r.contractNo());
            field(sheet, l, "invoiceNo", r.invoiceNo());
            field(sheet, l, "actualExpenditure", Money.format(r.actualExpenditureFen()));
            field(sheet, l, "voucherAmount", Money.format(r.voucherAmountFen()));
            field(sheet, l, "enterpriseShare", Money.format(r.enterpriseShareFen()));
            field(sheet, l, "payee", r.payee() + "  " + r.payeeUscc());
            field(sheet, l, "paymentReference", r.paymentReference());
            sheet.heading(Messages.text(l, "sheet.trail", List.of()));
            records.forEach(a -> sheet.small("#" + a.seq() + "  " + TimeSource.local(a.at()) + "  " + a.action() + "  " + a.outcome()
                    + "  " + (a.actorName() == null ? a.actorSubject() : a.actorName()) + " (" + a.actorRole() + ")  "
                    + a.hash().substring(0, 12)));
            return sheet.gap().line(Messages.text(l, "sheet.signatures", List.of())).bytes();
        }
    }

    /** The payments recorded on {@code day} (China time), each with its audit record, and their total. */
    public byte[] payments(LocalDate day) {
        Locale l = reader.locale();
        List<AuditTrail.Record> paid = trail.find(new AuditTrail.Filter(null, "redemption.paid", null, ListQuery.of(null, day.toString(), day.toString())),
                new Paging(Paging.MAX_LIMIT, 0));
        List<RedemptionView> rows = views.views(paid.stream().map(a -> redemptions.get(UUID.fromString(a.target()))).toList());
        try (PdfSheet sheet = PdfSheet.withFont(config.print().font(), "node.print.font")) {
            sheet.title(Messages.text(l, "sheet.payments.title", List.of(config.province().name(), day))).gap();
            field(sheet, l, "day", day.toString());
            field(sheet, l, "count", String.valueOf(paid.size()));
            field(sheet, l, "total", Money.format(rows.stream().mapToLong(RedemptionView::voucherAmountFen).sum()));
            sheet.heading(Messages.text(l, "sheet.trail", List.of()));
            for (int i = 0; i < paid.size(); i++) {
                AuditTrail.Record a = paid.get(i);
                RedemptionView r = rows.get(i);
                sheet.small("#" + a.seq() + "  " + TimeSource.local(a.at()) + "  " + r.invoiceNo() + "  " + r.payee() + " "
                        + r.payeeUscc() + "  " + Money.format(r.voucherAmountFen()) + "  " + r.paymentReference() + "  "
                        + a.hash().substring(0, 12));
            }
            return sheet.gap().line(Messages.text(l, "sheet.signatures", List.of())).bytes();
        }
    }

    private static void field(PdfSheet sheet, Locale l, String key, String value) {
        sheet.line(Messages.text(l, "sheet.field." + key, List.of()) + "：" + (value == null ? "—" : value));
    }
}
