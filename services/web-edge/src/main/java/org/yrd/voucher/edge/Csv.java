package org.yrd.voucher.edge;

import java.util.regex.Pattern;

/**
 * CSV the apps write for people to open in a spreadsheet. A cell is quoted when it holds a comma, a quote or a line
 * break; text starting with {@code = + - @}, a tab or a carriage return is written after a {@code '} so that a
 * spreadsheet shows it instead of running it as a formula (the OWASP rule for CSV injection). Numbers stay numbers.
 */
public final class Csv {
    private static final Pattern FORMULA = Pattern.compile("^[=+\\-@\t\r]");
    private static final Pattern QUOTE = Pattern.compile("[\",\n\r]");

    private Csv() {}

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String s = value.toString();
        if (FORMULA.matcher(s).find()) {
            s = "'" + s;
        }
        return QUOTE.matcher(s).find() ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** One line: the cells, comma-separated, with its line feed. */
    public static String line(Object... cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            b.append(i == 0 ? "" : ",").append(cell(cells[i]));
        }
        return b.append('\n').toString();
    }
}
