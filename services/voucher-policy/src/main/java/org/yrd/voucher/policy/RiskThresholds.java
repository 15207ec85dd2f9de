package org.yrd.voucher.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * P13 risk prevention: the thresholds of a province's screening rules ({@link RiskRules}).
 *
 * @param splitPeriodDays           filings of one enterprise with one provider within this many days are read
 *                                  together for split purchases
 * @param concentrationPercent      a provider whose voucher income this year comes to at least this share from
 *                                  one enterprise or group is flagged
 * @param concentrationMinIncomeFen below this voucher income a year, a provider is too small to read a share into
 */
public record RiskThresholds(int splitPeriodDays, int concentrationPercent, long concentrationMinIncomeFen) {
    public static final RiskThresholds DEFAULT = new RiskThresholds(30, 60, Money.yuan(100_000));

    List<Violation> violations() {
        List<Violation> v = new ArrayList<>();
        if (splitPeriodDays < 1 || splitPeriodDays > 366) {
            v.add(Violation.of("risk.splitPeriodDays", "whole-number", 1, 366));
        }
        if (concentrationPercent < 1 || concentrationPercent > 100) {
            v.add(Violation.of("risk.concentrationPercent", "whole-number", 1, 100));
        }
        if (concentrationMinIncomeFen < 0 || concentrationMinIncomeFen > Money.MAX_FEN) {
            v.add(Violation.of("risk.concentrationMinIncomeFen", "policy-money-range", 0, Money.MAX_FEN));
        }
        return v;
    }
}
