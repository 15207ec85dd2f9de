package org.yrd.voucher.policy;

/**
 * P10 province–city–district work system: part of the province's annual budget set aside for a city (4-digit
 * code, e.g. {@code 3401} Hefei) or a district or county (6-digit code, e.g. {@code 340104}). A district's pool
 * is part of its city's, a city's part of the province's budget: an application is charged to every level
 * that contains its enterprise's district.
 */
public record Pool(String code, String name, long annualBudgetFen) {
    public boolean isCity() {
        return code != null && code.length() == 4;
    }

    /** Whether an enterprise registered in {@code districtCode} draws from this pool. */
    public boolean contains(String districtCode) {
        return districtCode != null && code != null && districtCode.startsWith(code);
    }
}
