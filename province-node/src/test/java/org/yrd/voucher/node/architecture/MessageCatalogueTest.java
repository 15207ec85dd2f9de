package org.yrd.voucher.node.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every problem, field rule and kind of thing the code names has its text in both languages: a code without
 * one would reach the reader as the bare code. Reads the sources of the node and the policy library.
 */
class MessageCatalogueTest {
    /** How the code names a text: the call, and the bundle key it renders. */
    private static final List<Pattern> NAMED = List.of(
            Pattern.compile("ProblemException\\.(?:refused|conflict|tooMany|forbidden)\\(\"([^\"]+)\""),
            Pattern.compile("(?:Refusal\\.of|refuse)\\(\"([^\"]+)\""),
            Pattern.compile("ProblemException\\.invalid\\([^,()\n]+, \"([^\"]+)\"(?<violation>)"),
            Pattern.compile("Violation\\.of\\([^,()\n]+, \"([^\"]+)\"(?<violation>)"),
            Pattern.compile("ProblemException\\.notFound\\(\"([^\"]+)\"(?<thing>)"));

    @ParameterizedTest
    @ValueSource(strings = {"", "_en"})
    void everyCodeTheCodeNamesHasItsText(String language) throws IOException {
        Properties texts = new Properties();
        for (String bundle : List.of("messages", "problems")) {
            try (InputStream in = getClass().getResourceAsStream("/" + bundle + language + ".properties")) {
                assertThat(in).as(bundle + language).isNotNull();
                texts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String key : keysNamedIn(Path.of("src/main/java"), Path.of("../services/voucher-policy/src/main/java"))) {
            if (!texts.containsKey(key)) {
                missing.add(key);
            }
        }
        assertThat(missing).as("keys without a text in messages%s/problems%s", language, language).isEmpty();
    }

    static TreeSet<String> keysNamedIn(Path... roots) throws IOException {
        TreeSet<String> keys = new TreeSet<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(f);
                    for (Pattern p : NAMED) {
                        Matcher m = p.matcher(source);
                        while (m.find()) {
                            String prefix = p.pattern().contains("<violation>") ? "violation."
                                    : p.pattern().contains("<thing>") ? "thing." : "";
                            keys.add(prefix + m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(keys).as("codes found in the sources").hasSizeGreaterThan(40);
        return keys;
    }
}
