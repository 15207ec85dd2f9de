package org.yrd.voucher.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Errors become problem+json in the caller's language (zh-CN by default, en), never a bare status. */
class ProblemsTest {
    @Test
    void bothLanguagesHaveEveryText() throws IOException {
        Properties zh = bundle("/problems.properties");
        Properties en = bundle("/problems_en.properties");
        assertThat(en.stringPropertyNames()).isEqualTo(zh.stringPropertyNames());
        for (String k : zh.stringPropertyNames()) {
            // Chinese where there are words at all ("{0}" alone stays as it is), English without Chinese
            assertThat(zh.getProperty(k)).as(k).isNotBlank().matches("(?s).*\\p{IsHan}.*|[^\\p{L}]*");
            assertThat(en.getProperty(k)).as(k).isNotBlank().doesNotContainPattern("\\p{IsHan}");
        }
    }

    @Test
    void theCallersLanguageIsTheFirstOfChineseOrEnglishItPrefers() {
        assertThat(Messages.locale((String) null)).isEqualTo(Locale.ROOT);
        assertThat(Messages.locale("en-GB,en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.locale("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(Locale.ROOT);
        assertThat(Messages.locale("fr, en;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.locale("zh;q=0.2, en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.locale("fr")).isEqualTo(Locale.ROOT);
        assertThat(Messages.locale(";;q=abc")).isEqualTo(Locale.ROOT);
        assertThat(Messages.language(Messages.locale("en"))).isEqualTo("en");
        assertThat(Messages.language(Messages.locale("de"))).isEqualTo("zh-CN");
    }

    @Test
    void everyStatusTheFrameworkAnswersHasItsOwnProblemWithATitle() {
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 413, 414, 415, 431, 500, 503}) {
            ProblemException e = ProblemMapper.ofStatus(status);
            assertThat(e.status()).isEqualTo(status);
            for (Locale locale : List.of(Locale.ROOT, Locale.ENGLISH)) {
                Problem p = ProblemMapper.body(e, locale);
                assertThat(p.type()).isEqualTo("urn:yrd:problem:" + e.code());
                assertThat(p.title()).as(status + " " + locale).doesNotStartWith("title.");
                assertThat(p.detail()).as(status + " " + locale).isNotEqualTo(e.code());
            }
        }
        assertThat(ProblemMapper.ofStatus(418).code()).isEqualTo("bad-request");
        assertThat(ProblemMapper.ofStatus(502).code()).isEqualTo("internal-error");
    }

    @Test
    void aViolationNamesItsFieldAndTheRuleInWords() {
        Problem zh = ProblemMapper.body(ProblemException.invalid("limit", "whole-number", 1, 500), Locale.ROOT);
        Problem en = ProblemMapper.body(ProblemException.invalid("limit", "whole-number", 1, 500), Locale.ENGLISH);
        assertThat(zh.status()).isEqualTo(400);
        assertThat(zh.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("limit");
            assertThat(v.code()).isEqualTo("whole-number");
            assertThat(v.message()).contains("1").contains("500").contains("整数");
        });
        assertThat(en.violations().get(0).message()).isEqualTo("a whole number from 1 to 500");
        assertThat(en.title()).isEqualTo("Invalid request");
    }

    @Test
    void theDatabaseAwayOrRollingBackIsA503ToRetryAndAnythingElseIsNot() {
        assertThat(ProblemMapper.unavailable(new RuntimeException(new SQLException("gone", "08006")))).isTrue();
        assertThat(ProblemMapper.unavailable(new SQLTransientConnectionException("pool"))).isTrue();
        assertThat(ProblemMapper.unavailable(new SQLException("timeout", "57014"))).isTrue();
        assertThat(ProblemMapper.unavailable(new SQLException("lock", "55P03"))).isTrue();
        assertThat(ProblemMapper.unavailable(new SQLException("shutting down", "57P01"))).isTrue();
        assertThat(ProblemMapper.unavailable(new RuntimeException(new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(ProblemMapper.unavailable(new SQLException("could not serialize access", "40001"))).isTrue();
        assertThat(ProblemMapper.unavailable(new RuntimeException(new SQLException("unique", "23505")))).isFalse();
        assertThat(ProblemMapper.unavailable(new SQLException("too long", "22001"))).isFalse();
        assertThat(ProblemMapper.unavailable(new IllegalStateException("bug"))).isFalse();
        var r = new ProblemMapper().unexpected(new RuntimeException(new SQLException("gone", "08006")), null);
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("5");
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProblemsTest.class.getResourceAsStream(name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
