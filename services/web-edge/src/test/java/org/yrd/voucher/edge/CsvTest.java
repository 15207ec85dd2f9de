package org.yrd.voucher.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void textASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        for (String formula : new String[] {"=1+1", "+86 21", "-2", "@SUM(A1)", "\t=x", "\r=x"}) {
            assertThat(Csv.cell(formula).replaceFirst("^\"", "")).as(formula).startsWith("'");
        }
        assertThat(Csv.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    }

    @Test
    void otherTextAndNumbersAreAsTheyWere() {
        assertThat(Csv.line("FP-77", -120_000L, null, "上海, 浦东", 3)).isEqualTo("FP-77,-120000,,\"上海, 浦东\",3\n");
    }
}
