package org.yrd.voucher.edge;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * An A4 document of lines and bar charts for the file (PDFBox): the approval sheets of a node, the task group's annual
 * report. The CJK font given (a TrueType font or collection, e.g. Debian's fonts-wqy-microhei) is embedded, subset,
 * so the paper reads the same anywhere. Lines wider than the page wrap; a full page starts the next.
 */
public final class PdfSheet implements AutoCloseable {
    private static final float MARGIN = 50;
    private static final float LINE = 15;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument doc = new PDDocument();
    private final TrueTypeCollection fonts;
    private final PDFont font;
    private PDPageContentStream stream;
    private float y;

    private PdfSheet(File fontFile) throws IOException {
        fonts = new TrueTypeCollection(fontFile);
        TrueTypeFont[] first = new TrueTypeFont[1];
        fonts.processAllFonts(f -> {
            if (first[0] == null) {
                first[0] = f;
            }
        });
        font = PDType0Font.load(doc, first[0], true);
        page();
    }

    /** A new sheet with {@code fontPath}; 503 naming {@code configKey} when the font is not there. */
    public static PdfSheet withFont(String fontPath, String configKey) {
        File file = new File(fontPath);
        if (!file.canRead()) {
            throw new ProblemException(503, "print-font-missing", null, List.of(fontPath, configKey), List.of());
        }
        try {
            return new PdfSheet(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + fontPath, e);
        }
    }

    public PdfSheet title(String text) {
        return text(text, 16);
    }

    public PdfSheet heading(String text) {
        gap();
        return text(text, 12);
    }

    public PdfSheet line(String text) {
        return text(text, 10.5f);
    }

    public PdfSheet small(String text) {
        return text(text, 8.5f);
    }

    public PdfSheet gap() {
        y -= LINE / 2;
        return this;
    }

    /** A horizontal bar per label, the longest the widest, each with its value written after it. */
    public PdfSheet bars(List<String> labels, List<Long> values, List<String> shown) {
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        float labelWidth = 110;
        try {
            for (int i = 0; i < labels.size(); i++) {
                room(LINE);
                write(labels.get(i), 9, MARGIN, y);
                float w = (WIDTH - labelWidth - 90) * values.get(i) / max;
                stream.setNonStrokingColor(0.12f, 0.37f, 0.75f);
                stream.addRect(MARGIN + labelWidth, y - 2, Math.max(w, 0.5f), 10);
                stream.fill();
                stream.setNonStrokingColor(0f, 0f, 0f);
                write(shown.get(i), 9, MARGIN + labelWidth + w + 6, y);
                y -= LINE;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public byte[] bytes() {
        try {
            stream.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the document", e);
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
            fonts.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PdfSheet text(String text, float size) {
        try {
            for (String part : wrap(text == null ? "—" : text, size)) {
                room(Math.max(LINE, size * 1.5f));
                write(part, size, MARGIN, y);
                y -= Math.max(LINE, size * 1.5f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private void write(String text, float size, float x, float at) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, at);
        stream.showText(text);
        stream.endText();
    }

    private void room(float needed) throws IOException {
        if (y - needed < MARGIN) {
            page();
        }
    }

    private void page() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        stream = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private List<String> wrap(String text, float size) throws IOException {
        List<String> parts = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String c = new String(Character.toChars(cp));
            if (!line.isEmpty() && font.getStringWidth(line + c) / 1000 * size > WIDTH) {
                parts.add(line.toString());
                line.setLength(0);
            }
            line.append(c);
            i += Character.charCount(cp);
        }
        parts.add(line.toString());
        return parts;
    }
}
