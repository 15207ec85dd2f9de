package org.yrd.voucher.node.voucher;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yrd.voucher.edge.Caller;
import org.yrd.voucher.edge.Ids;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.node.audit.Audit;
import org.yrd.voucher.node.policy.BudgetYears;
import org.yrd.voucher.node.policy.PolicyService;
import org.yrd.voucher.policy.ApplicationWindow;
import org.yrd.voucher.policy.Draw;

/**
 * P6 fair allocation of an oversubscribed window (docs/policy-rules.md, "Draws"). An operator announces the draw of
 * a draw window before it opens, which publishes its seed; enterprises apply while it is open, holding nothing; after
 * it closes an operator runs the lottery ({@link Draw}), which anyone can recompute from the seed and the published
 * list. The successful get their vouchers; the others are told, with nothing held.
 */
@ApplicationScoped
public class DrawService {
    /** The system's reason for an application the lottery did not select. */
    public static final String NOT_DRAWN = "draw-unsuccessful";

    private final Draws draws;
    private final Vouchers vouchers;
    private final VoucherService issuing;
    private final PolicyService policies;
    private final BudgetYears budgetYears;
    private final Clock clock;
    private final Ids ids;
    private final Audit audit;
    private final Caller caller;
    private final SecureRandom random = new SecureRandom();

    DrawService(Draws draws, Vouchers vouchers, VoucherService issuing, PolicyService policies,
                BudgetYears budgetYears, Clock clock, Ids ids, Audit audit, Caller caller) {
        this.draws = draws;
        this.vouchers = vouchers;
        this.issuing = issuing;
        this.policies = policies;
        this.budgetYears = budgetYears;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
        this.caller = caller;
    }

    /** Announces the draw of the draw window opening on {@code opensOn}, and publishes its seed. */
    @Transactional
    public DrawRound announce(LocalDate opensOn) {
        LocalDate today = TimeSource.today(clock);
        ApplicationWindow window = policies.current().policy().applicationWindows().stream()
                .filter(w -> w.draw() && w.from().equals(MonthDay.from(opensOn))).findFirst()
                .orElseThrow(() -> ProblemException.invalid("opensOn", "not-a-draw-window"));
        if (!today.isBefore(opensOn)) {
            // P6: a seed chosen once applications are known could favour someone
            throw ProblemException.conflict("draw-window-open", opensOn);
        }
        DrawRound d = new DrawRound();
        d.id = ids.next();
        d.opensOn = opensOn;
        d.closesOn = window.closesAfter(opensOn);
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        d.seed = HexFormat.of().formatHex(seed);
        d.status = DrawRound.Status.ANNOUNCED;
        d.announcedAt = OffsetDateTime.now(clock);
        d.announcedBy = caller.actor().label();
        draws.add(d);
        audit.record("draw.announced", d.id, d.status.name(), null, "opens " + opensOn + ", seed " + d.seed);
        return d;
    }

    /** An application filed in an open draw window joins its draw; nothing is issued or held. */
    void enter(VoucherApplication a, ApplicationWindow window, LocalDate today) {
        DrawRound d = draws.opening(window.opensFor(today));
        if (d == null) {
            throw ProblemException.conflict("draw-not-announced", window.opensFor(today));
        }
        a.drawId = d.id;
        a.status = VoucherApplication.Status.IN_DRAW;
        draws.enter(a);
    }

    /** Runs the lottery of a closed window: the successful are issued, the others told. */
    @Transactional
    public DrawRound run(UUID id) {
        DrawRound d = draws.lock(id);
        if (d.status == DrawRound.Status.DRAWN) {
            throw ProblemException.conflict("draw-drawn", id);
        }
        LocalDate today = TimeSource.today(clock);
        if (!today.isAfter(d.closesOn)) {
            throw ProblemException.conflict("draw-still-open", d.closesOn);
        }
        int year = today.getYear();
        budgetYears.ensure(year, policies.current().policy());
        issuing.ensurePools(year);
        Map<String, Long> budgets = new LinkedHashMap<>(vouchers.budgetsLeft(year)); // locked until commit
        List<VoucherApplication> entries = draws.entries(d.id, true);
        Map<UUID, List<String>> pools = new LinkedHashMap<>();
        for (VoucherApplication a : entries) {
            pools.put(a.id, issuing.poolsOf(a.enterpriseUscc));
        }
        Draw.Result result = Draw.allocate(d.seed, entries.stream()
                .map(a -> new Draw.Entry(a.id.toString(), a.amountFen, pools.get(a.id))).toList(), budgets);
        for (VoucherApplication a : entries) {
            if (result.successful().contains(a.id.toString())) {
                issuing.issueDrawn(a);
            } else {
                a.decide(VoucherApplication.Status.NOT_DRAWN, OffsetDateTime.now(clock), VoucherService.AUTO_APPROVAL,
                        NOT_DRAWN, null);
                audit.record("application.not-drawn", a.id, a.status.name(), a.amountFen, "draw " + d.id);
            }
        }
        d.status = DrawRound.Status.DRAWN;
        d.drawnAt = OffsetDateTime.now(clock);
        d.drawnBy = caller.actor().label();
        d.budgets = budgets;
        d.drawnOrder = result.order();
        audit.record("draw.drawn", d.id, d.status.name(), null,
                result.successful().size() + " of " + entries.size() + " successful");
        return d;
    }

    public DrawRound get(UUID id) {
        return draws.find(id);
    }

    public List<DrawRound> all() {
        return draws.all();
    }

    /** The draw's applications, published once the window has closed (before, only how many). */
    public List<VoucherApplication> entries(DrawRound d) {
        return TimeSource.today(clock).isAfter(d.closesOn) ? draws.entries(d.id, false) : List.of();
    }
}
