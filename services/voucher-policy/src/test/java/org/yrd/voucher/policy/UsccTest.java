package org.yrd.voucher.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110108551385082Q", "91310000MA1FL4C2XK"})
    void acceptsPublishedCodes(String code) {
        assertThat(Uscc.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y4", "91350100M000100Y433", "91350100I000100Y43",
            "91350100m000100Y43", "", "913501OOM000100Y43"})
    void refusesCodesThatBreakTheStandard(String code) {
        assertThat(Uscc.isValid(code)).isFalse();
    }

    @Test
    void refusesNull() {
        assertThat(Uscc.isValid(null)).isFalse();
    }

    @Test
    void everySingleCharacterChangeIsCaught() {
        String valid = "91350100M000100Y43";
        for (int i = 0; i < 18; i++) {
            for (char c : Uscc.ALPHABET.toCharArray()) {
                if (c == valid.charAt(i)) {
                    continue;
                }
                String changed = valid.substring(0, i) + c + valid.substring(i + 1);
                assertThat(Uscc.isValid(changed)).as(changed).isFalse();
            }
        }
    }

    @Test
    void tellsTheProvinceOfRegistration() {
        String sh = "91310115" + "MA1K3Y8P0";
        assertThat(Uscc.registeredProvince(sh + Uscc.checkCharacter(sh))).contains(Province.SH);
        String zj = "91330106" + "MA2B0X9K1";
        assertThat(Uscc.registeredProvince(zj + Uscc.checkCharacter(zj))).contains(Province.ZJ);
        assertThat(Uscc.registeredProvince("91350100M000100Y43")).isEmpty();
    }
}
