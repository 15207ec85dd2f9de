package org.yrd.voucher.policy;

import java.util.Arrays;
import java.util.Optional;

/** The four YRD provinces (P14) with their GB/T 2260 division codes. */
public enum Province {
    SH("310000", "上海市"),
    JS("320000", "江苏省"),
    ZJ("330000", "浙江省"),
    AH("340000", "安徽省");

    private final String divisionCode;
    private final String nameZh;

    Province(String divisionCode, String nameZh) {
        this.divisionCode = divisionCode;
        this.nameZh = nameZh;
    }

    public String divisionCode() {
        return divisionCode;
    }

    public String nameZh() {
        return nameZh;
    }

    /** Whether a city or district code (e.g. 320505) lies in this province. */
    public boolean contains(String districtCode) {
        return districtCode != null && districtCode.startsWith(divisionCode.substring(0, 2));
    }

    static Optional<Province> byDivisionPrefix(String twoDigits) {
        return Arrays.stream(values()).filter(p -> p.divisionCode.startsWith(twoDigits)).findFirst();
    }
}
