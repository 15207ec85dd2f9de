package org.yrd.voucher.node.redemption;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.yrd.voucher.edge.Actor;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.node.ledger.LedgerEntry.Kind;
import org.yrd.voucher.node.ledger.Movement;
import org.yrd.voucher.node.voucher.Voucher;
import org.yrd.voucher.policy.Money;
import org.yrd.voucher.policy.RedemptionStatus;

/**
 * The money of one voucher through any sequence of filings, answers, decisions, payments and its expiry, without the
 * app (no HTTP, no database): the moves the service makes under the voucher's row lock (P6: the amount the policy
 * allows, never above what the voucher holds; the hold released when a redemption ends unpaid, to the budget once the
 * voucher has expired, P7), with the ledger's movements summed as the ledger sums them. Whatever the order, every fen
 * of the face value is in exactly one place, and the ledger says the same.
 */
class VoucherMoneyPropertiesTest {
    private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-20T08:00:00Z");
    private static final Actor OPERATOR = new Actor("op-1", "operator-1", "operator", "SH", null, null, null);
    private static final Actor FINANCE = new Actor("fin-1", "finance-1", "finance", "SH", null, null, null);
    private static final BigDecimal RATIO = new BigDecimal("0.50");

    enum Step { FILE, CONFIRM, APPROVE, PAY, REJECT, DISPUTE, EXPIRE_REDEMPTION, EXPIRE_VOUCHER }

    record Action(Step step, int which, long requestedFen, long actualFen) {}

    @Provide
    Arbitrary<List<Action>> days() {
        return Combinators.combine(Arbitraries.of(Step.class), Arbitraries.integers().between(0, 5),
                        Arbitraries.longs().between(1, 3_000_000), Arbitraries.longs().between(1, 6_000_000))
                .as(Action::new).list().ofMaxSize(40);
    }

    @Property(tries = 500)
    void everyFenOfTheFaceValueIsInExactlyOnePlaceAndTheLedgerAgrees(@ForAll("days") List<Action> actions) {
        Voucher v = new Voucher();
        v.id = UUID.randomUUID();
        v.enterpriseUscc = "91310115DEM000001X";
        v.faceValueFen = 5_000_000;
        v.status = Voucher.Status.ACTIVE;
        v.issuedOn = LocalDate.of(2026, 1, 5);
        v.expiresOn = LocalDate.of(2026, 12, 31);
        List<Movement> ledger = new ArrayList<>();
        ledger.add(v.issued());
        List<Redemption> redemptions = new ArrayList<>();

        for (Action a : actions) {
            Redemption r = redemptions.isEmpty() ? null : redemptions.get(a.which() % redemptions.size());
            try {
                switch (a.step()) {
                    case FILE -> {
                        if (v.status != Voucher.Status.ACTIVE) {
                            continue; // FilingRules refuses an expired voucher
                        }
                        // P6: min(requested, available, ratio × actual rounded down), never above the actual
                        long amount = Math.max(0, Math.min(Math.min(a.requestedFen(), v.availableFen()),
                                Math.min(Money.share(a.actualFen(), RATIO), a.actualFen())));
                        if (amount == 0) {
                            continue; // nothing to hold: the filing is refused
                        }
                        Redemption filed = new Redemption();
                        filed.id = UUID.randomUUID();
                        filed.voucherAmountFen = amount;
                        filed.filed(T);
                        ledger.add(v.hold(amount, filed.id, 1));
                        redemptions.add(filed);
                    }
                    case CONFIRM -> {
                        if (r != null) {
                            r.confirmedByProvider(T);
                        }
                    }
                    case APPROVE -> {
                        if (r != null) {
                            r.approved(OPERATOR, T, null, "ok");
                        }
                    }
                    case PAY -> {
                        if (r != null) {
                            r.paid(FINANCE, T, "BANK-1");
                            ledger.add(v.redeem(r.voucherAmountFen, r.id, 1));
                        }
                    }
                    case REJECT -> {
                        if (r != null) {
                            r.rejected(OPERATOR, T, "no");
                            ledger.addAll(List.of(v.release(r.voucherAmountFen, r.id, 1)));
                        }
                    }
                    case DISPUTE, EXPIRE_REDEMPTION -> {
                        if (r != null) {
                            r.ended(a.step() == Step.DISPUTE ? RedemptionStatus.DISPUTED : RedemptionStatus.EXPIRED,
                                    null, "ended");
                            ledger.addAll(List.of(v.release(r.voucherAmountFen, r.id, 1)));
                        }
                    }
                    case EXPIRE_VOUCHER -> {
                        if (v.status == Voucher.Status.ACTIVE) {
                            ledger.add(v.expire());
                        }
                    }
                }
            } catch (ProblemException refused) {
                assertThat(refused.status()).isEqualTo(409); // a move the state machine does not allow: nothing moved
            }
            holds(v, redemptions, ledger);
        }
    }

    private static void holds(Voucher v, List<Redemption> redemptions, List<Movement> ledger) {
        long held = redemptions.stream().filter(r -> r.status().holds()).mapToLong(r -> r.voucherAmountFen).sum();
        long paid = redemptions.stream().filter(r -> r.status() == RedemptionStatus.PAID)
                .mapToLong(r -> r.voucherAmountFen).sum();
        assertThat(v.heldFen).isEqualTo(held);
        assertThat(v.redeemedFen).isEqualTo(paid);
        assertThat(v.availableFen()).isNotNegative();
        assertThat(v.expiredFen).isNotNegative();
        long inPlaces = v.heldFen + v.redeemedFen + v.expiredFen
                + (v.status == Voucher.Status.ACTIVE ? v.availableFen() : 0);
        assertThat(inPlaces).as("every fen in one place").isEqualTo(v.faceValueFen);
        assertThat(sum(ledger, Kind.ISSUE)).isEqualTo(v.faceValueFen);
        assertThat(sum(ledger, Kind.HOLD) - sum(ledger, Kind.RELEASE) - sum(ledger, Kind.REDEEM)).isEqualTo(v.heldFen);
        assertThat(sum(ledger, Kind.REDEEM)).isEqualTo(v.redeemedFen);
        assertThat(sum(ledger, Kind.EXPIRE)).isEqualTo(v.expiredFen);
    }

    private static long sum(List<Movement> ledger, Kind kind) {
        return ledger.stream().filter(m -> m.kind() == kind).mapToLong(Movement::amountFen).sum();
    }
}
