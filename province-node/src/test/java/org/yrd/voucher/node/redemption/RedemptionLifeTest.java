package org.yrd.voucher.node.redemption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.edge.Actor;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.policy.RedemptionStatus;

/**
 * The entity's life without the app (no HTTP, no database): every state reached through its methods, and every move
 * from every state either taken because {@link RedemptionStatus} allows it or refused with a 409 that leaves the
 * redemption as it was.
 */
class RedemptionLifeTest {
    private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-20T08:00:00Z");
    private static final Actor OPERATOR = new Actor("op-1", "operator-1", "operator", "SH", null, null, null);
    private static final Actor FINANCE = new Actor("fin-1", "finance-1", "finance", "SH", null, null, null);

    /** A fresh redemption brought to {@code state} along the shortest allowed path. */
    private static Redemption in(RedemptionStatus state) {
        Redemption r = new Redemption();
        r.id = UUID.randomUUID();
        r.filed(T);
        switch (state) {
            case FILED -> { }
            case PROVIDER_CONFIRMED -> r.confirmedByProvider(T);
            case APPROVED -> {
                r.confirmedByProvider(T);
                r.approved(OPERATOR, T, null, "ok");
            }
            case PAID -> {
                r.confirmedByProvider(T);
                r.approved(OPERATOR, T, null, "ok");
                r.paid(FINANCE, T, "BANK-1");
            }
            case REJECTED -> r.rejected(OPERATOR, T, "no");
            case DISPUTED, EXPIRED -> r.ended(state, null, "why");
        }
        assertThat(r.status()).isEqualTo(state);
        return r;
    }

    /** The method that takes a redemption to {@code next}. */
    private static Consumer<Redemption> moveTo(RedemptionStatus next) {
        return switch (next) {
            case FILED -> r -> r.filed(T);
            case PROVIDER_CONFIRMED -> r -> r.confirmedByProvider(T);
            case APPROVED -> r -> r.approved(OPERATOR, T, null, "ok");
            case PAID -> r -> r.paid(FINANCE, T, "BANK-1");
            case REJECTED -> r -> r.rejected(OPERATOR, T, "no");
            case DISPUTED, EXPIRED -> r -> r.ended(next, null, "why");
        };
    }

    @Test
    void everyMoveFromEveryStateIsTakenExactlyWhenTheLibraryAllowsIt() {
        for (RedemptionStatus from : RedemptionStatus.values()) {
            for (RedemptionStatus to : RedemptionStatus.values()) {
                Redemption r = in(from);
                if (from.canBecome(to)) {
                    moveTo(to).accept(r);
                    assertThat(r.status()).as(from + " → " + to).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> moveTo(to).accept(r)).as(from + " → " + to)
                            .isInstanceOfAny(ProblemException.class, IllegalStateException.class);
                    assertThat(r.status()).as("after the refused " + from + " → " + to).isEqualTo(from);
                    assertThat(r.paidAt()).isEqualTo(from == RedemptionStatus.PAID ? T : null);
                }
            }
        }
    }

    @Test
    void aRefusedMoveIsAConflictNamingBothStates() {
        Redemption r = in(RedemptionStatus.DISPUTED);
        assertThatThrownBy(() -> r.paid(FINANCE, T, "BANK-1")).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(409);
            assertThat(p.code()).isEqualTo("illegal-redemption-transition");
        });
    }

    @Test
    void whoDecidedIsKeptForMakerChecker() {
        Redemption r = in(RedemptionStatus.APPROVED);
        assertThat(r.decidedBy("op-1")).isTrue();
        assertThat(r.decidedBy("fin-1")).isFalse();
        assertThat(r.decidedAt()).isEqualTo(T);
    }

    @Test
    void onlyAStateThatEndsItUnpaidEndsIt() {
        for (RedemptionStatus s : new RedemptionStatus[] {RedemptionStatus.PAID, RedemptionStatus.APPROVED,
                RedemptionStatus.FILED, RedemptionStatus.PROVIDER_CONFIRMED}) {
            Redemption r = in(RedemptionStatus.FILED);
            assertThatThrownBy(() -> r.ended(s, null, "x")).isInstanceOf(IllegalArgumentException.class);
            assertThat(r.status()).isEqualTo(RedemptionStatus.FILED);
        }
    }
}
