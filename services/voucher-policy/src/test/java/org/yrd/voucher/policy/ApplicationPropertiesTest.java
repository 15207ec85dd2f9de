package org.yrd.voucher.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.yrd.voucher.policy.ApplicationRules.Accepted;
import org.yrd.voucher.policy.ApplicationRules.Applicant;

/** P6 caps and windows, over generated applicants, amounts and days. */
class ApplicationPropertiesTest {
    private final VoucherPolicy policy = PolicyFixtures.shanghaiLike();

    @Property
    void anAcceptedApplicationKeepsEveryCapAndTheBudget(@ForAll @LongRange(min = -10, max = 30_000_000) long requestedFen,
                                                         @ForAll @LongRange(min = 0, max = 60_000_000) long issuedThisYearFen,
                                                         @ForAll @LongRange(min = 0, max = 10_000_000) long faceFen,
                                                         @ForAll @IntRange(min = 0, max = 100) int usedPercent,
                                                         @ForAll @LongRange(min = 0, max = 50_000_000) long budgetLeftFen) {
        Applicant a = new Applicant(RecipientType.TECH_SME, "310115", false, issuedThisYearFen, faceFen,
                faceFen * usedPercent / 100, budgetLeftFen);
        var d = ApplicationRules.evaluate(policy, a, requestedFen, ApplicationRulesTest.DAY);
        boolean withinEverything = requestedFen > 0 && requestedFen <= policy.perApplicationCapFen()
                && issuedThisYearFen + requestedFen <= policy.annualCapFen() && requestedFen <= budgetLeftFen
                && ApplicationRules.usedEnough(policy.reapplyMinUsagePercent(), a.activeFaceFen(), a.activeUsedFen());
        assertThat(d instanceof Accepted).isEqualTo(withinEverything);
        if (d instanceof Accepted accepted) {
            assertThat(accepted.autoApprove()).isEqualTo(requestedFen <= policy.autoApprovalThresholdFen());
        }
    }

    @Property
    void aListedApplicantIsRefusedWhateverElse(@ForAll @LongRange(min = 1, max = 1_000_000) long requestedFen) {
        Applicant listed = new Applicant(RecipientType.TECH_SME, "310115", true, 0, 0, 0, Long.MAX_VALUE / 4);
        assertThat(ApplicationRules.evaluate(policy, listed, requestedFen, ApplicationRulesTest.DAY))
                .isEqualTo(new ApplicationRules.Refused(Refusal.of("negative-listed", "P13")));
    }

    @Property
    void aWindowHoldsExactlyTheDaysFromItsOpeningToItsClosing(@ForAll("monthDays") MonthDay from,
                                                               @ForAll("monthDays") MonthDay to,
                                                               @ForAll("days") LocalDate day) {
        ApplicationWindow w = new ApplicationWindow(from, to);
        LocalDate opens = w.opensFor(day);
        LocalDate closes = w.closesAfter(opens);
        assertThat(closes).isAfterOrEqualTo(opens);
        assertThat(closes).isBefore(opens.plusYears(1));
        boolean inside = !day.isBefore(opens) && !day.isAfter(closes);
        assertThat(w.contains(day)).as(from + ".." + to + " on " + day).isEqualTo(inside);
    }

    @Provide
    Arbitrary<MonthDay> monthDays() {
        return Arbitraries.integers().between(0, 364).map(d -> MonthDay.from(LocalDate.ofYearDay(2025, d + 1)));
    }

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 4 * 365).map(d -> LocalDate.of(2025, 1, 1).plusDays(d));
    }
}
