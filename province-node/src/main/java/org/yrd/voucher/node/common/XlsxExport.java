package org.yrd.voucher.node.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.yrd.voucher.edge.Messages;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.Reader;
import org.yrd.voucher.edge.TimeSource;

/**
 * An operator's list as an Excel workbook in the reader's language: every row its filters find, read a page at a
 * time (each page in a short read transaction of its own) and written out as it is read (fastexcel), so that a
 * year's rows never sit in memory. Amounts are yuan with two decimals, times China time.
 */
@ApplicationScoped
public class XlsxExport {
    public static final String TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int PAGE = 500;

    private final Reader reader;

    XlsxExport(Reader reader) {
        this.reader = reader;
    }

    /** An amount in fen, written as yuan. */
    public record Yuan(long fen) {}

    /**
     * The download: a sheet named by the message {@code export.<list>}, headed by {@code export.<list>.<column>},
     * one row per item that {@code pages} finds, its cells from {@code row} (strings, numbers, {@link Yuan},
     * {@link OffsetDateTime}, enums; null leaves a cell empty).
     */
    public <T> Response download(String list, List<String> columns, Function<Paging, List<T>> pages,
                                 Function<T, Object[]> row) {
        Locale locale = reader.locale();
        StreamingOutput body = out -> write(out, locale, list, columns, pages, row);
        return Response.ok(body, TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + list + ".xlsx\"").build();
    }

    private static <T> void write(OutputStream out, Locale locale, String list, List<String> columns,
                                  Function<Paging, List<T>> pages, Function<T, Object[]> row) throws IOException {
        Workbook book = new Workbook(out, "YRD innovation vouchers", "1.0");
        Worksheet sheet = book.newWorksheet(Messages.text(locale, "export." + list, List.of()));
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, Messages.text(locale, "export." + list + "." + columns.get(c), List.of()));
            sheet.style(0, c).bold().set();
        }
        int r = 1;
        for (int offset = 0; ; offset += PAGE) {
            Paging page = new Paging(PAGE, offset);
            List<Object[]> rows = QuarkusTransaction.requiringNew()
                    .call(() -> pages.apply(page).stream().map(row).toList());
            for (Object[] values : rows) {
                cells(sheet, r++, values);
            }
            sheet.flush();
            if (rows.size() < PAGE) {
                break;
            }
        }
        book.finish();
    }

    private static void cells(Worksheet s, int row, Object[] values) {
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof Yuan y) {
                s.value(row, c, BigDecimal.valueOf(y.fen(), 2));
                s.style(row, c).format("#,##0.00").set();
            } else if (v instanceof Number n) {
                s.value(row, c, n);
            } else if (v instanceof OffsetDateTime t) {
                s.value(row, c, TimeSource.local(t));
            } else if (v != null) {
                s.value(row, c, v.toString());
            }
        }
    }
}
