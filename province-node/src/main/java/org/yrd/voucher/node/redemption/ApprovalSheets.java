package org.yrd.voucher.node.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.yrd.voucher.edge.Messages;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.Reader;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.node.audit.AuditTrail;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.node.redemption.RedemptionViews.RedemptionView;
import org.yrd.voucher.policy.Money;

/**
 * The A4 approval sheets for the file (PDFBox, the CJK font of {@code node.print.font} embedded): one redemption with
 * every audit record of it, or one day's payments with the audit record of each; each record by its place in the
 * chain ({@code seq}) and the start of its hash, so that the paper can be checked against the trail.
 */
@ApplicationScoped
public class ApprovalSheets {
    private static final float MARGIN = 50;
    private static final float LINE = 15;

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
        List<String[]> facts = List.of(
                row(l, "id", r.id().toString()), row(l, "status", r.status().name()),
                row(l, "enterprise", r.enterpriseName() + "  " + r.enterpriseUscc()),
                row(l, "provider", r.providerName() + "  " + r.providerUscc() + "  (" + r.providerProvince() + ")"),
                row(l, "category", r.category()), row(l, "contractNo", r.contractNo()), row(l, "invoiceNo", r.invoiceNo()),
                row(l, "actualExpenditure", Money.format(r.actualExpenditureFen())),
                row(l, "voucherAmount", Money.format(r.voucherAmountFen())),
                row(l, "enterpriseShare", Money.format(r.enterpriseShareFen())),
                row(l, "payee", r.payee() + "  " + r.payeeUscc()),
                row(l, "paymentReference", r.paymentReference() == null ? "—" : r.paymentReference()));
        List<AuditTrail.Record> records = new ArrayList<>(trail.find(
                new AuditTrail.Filter(null, null, id.toString(), null, null), new Paging(Paging.MAX_LIMIT, 0)));
        java.util.Collections.reverse(records); // the order things happened in
        List<String> lines = records.stream().map(a -> "#" + a.seq() + "  " + time(a.at()) + "  " + a.action() + "  "
                + a.outcome() + "  " + (a.actorName() == null ? a.actorSubject() : a.actorName()) + " (" + a.actorRole()
                + ")  " + a.hash().substring(0, 12)).toList();
        return pdf(Messages.text(l, "sheet.redemption.title", List.of(config.province().name())), facts,
                Messages.text(l, "sheet.trail", List.of()), lines, Messages.text(l, "sheet.signatures", List.of()));
    }

    /** The payments recorded on {@code day} (China time), each with its audit record, and their total. */
    public byte[] payments(LocalDate day) {
        Locale l = reader.locale();
        List<AuditTrail.Record> paid = trail.find(new AuditTrail.Filter(null, "redemption.paid", null, day, day),
                new Paging(Paging.MAX_LIMIT, 0));
        long total = 0;
        List<String> lines = new ArrayList<>();
        List<RedemptionView> rows = views.views(paid.stream().map(a -> redemptions.get(UUID.fromString(a.target()))).toList());
        for (int i = 0; i < paid.size(); i++) {
            AuditTrail.Record a = paid.get(i);
            RedemptionView r = rows.get(i);
            total += r.voucherAmountFen();
            lines.add("#" + a.seq() + "  " + time(a.at()) + "  " + r.invoiceNo() + "  " + r.payee() + " " + r.payeeUscc()
                    + "  " + Money.format(r.voucherAmountFen()) + "  " + r.paymentReference() + "  " + a.hash().substring(0, 12));
        }
        List<String[]> facts = List.of(row(l, "day", day.toString()), row(l, "count", String.valueOf(paid.size())),
                row(l, "total", Money.format(total)));
        return pdf(Messages.text(l, "sheet.payments.title", List.of(config.province().name(), day)), facts,
                Messages.text(l, "sheet.trail", List.of()), lines, Messages.text(l, "sheet.signatures", List.of()));
    }

    private static String[] row(Locale l, String key, String value) {
        return new String[] {Messages.text(l, "sheet.field." + key, List.of()), value == null ? "—" : value};
    }

    private static String time(OffsetDateTime t) {
        return t.atZoneSameInstant(TimeSource.PROGRAMME_ZONE).toLocalDateTime().toString().replace('T', ' ');
    }

    private byte[] pdf(String title, List<String[]> facts, String trailTitle, List<String> trailLines, String signatures) {
        File fontFile = new File(config.print().font());
        if (!fontFile.canRead()) {
            throw new ProblemException(503, "print-font-missing", null, List.of(fontFile.toString()), List.of());
        }
        try (PDDocument doc = new PDDocument(); TrueTypeCollection fonts = new TrueTypeCollection(fontFile)) {
            TrueTypeFont[] first = new TrueTypeFont[1];
            fonts.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            PDFont font = PDType0Font.load(doc, first[0], true);
            Page page = new Page(doc, font);
            page.text(title, 16);
            page.gap();
            for (String[] f : facts) {
                page.text(f[0] + "：" + f[1], 10.5f);
            }
            page.gap();
            page.text(trailTitle, 12);
            for (String line : trailLines) {
                page.text(line, 8.5f);
            }
            page.gap();
            page.text(signatures, 10.5f);
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the approval sheet", e);
        }
    }

    /** Lines down A4 pages, a new page when one is full. */
    private static final class Page {
        private final PDDocument doc;
        private final PDFont font;
        private PDPageContentStream stream;
        private float y;

        Page(PDDocument doc, PDFont font) throws IOException {
            this.doc = doc;
            this.font = font;
            next();
        }

        private void next() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void text(String text, float size) throws IOException {
            for (String part : wrap(text, size)) {
                if (y < MARGIN) {
                    next();
                }
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN, y);
                stream.showText(part);
                stream.endText();
                y -= Math.max(LINE, size * 1.5f);
            }
        }

        void gap() {
            y -= LINE / 2;
        }

        /** Breaks a line that is wider than the page. */
        private List<String> wrap(String text, float size) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> parts = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String c = new String(Character.toChars(cp));
                if (font.getStringWidth(line + c) / 1000 * size > width && !line.isEmpty()) {
                    parts.add(line.toString());
                    line.setLength(0);
                }
                line.append(c);
                i += Character.charCount(cp);
            }
            parts.add(line.toString());
            return parts;
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
