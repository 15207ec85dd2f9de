package org.yrd.voucher.node.voucher;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.yrd.voucher.node.ledger.LedgerEntry.Kind;
import org.yrd.voucher.node.ledger.Movement;
import org.yrd.voucher.policy.FilingRules;

/**
 * A voucher issued in advance (预先发放): its face value is split into available, held (for pending
 * redemptions), redeemed and expired. Changed under its row lock or by a guarded statement whose condition is its
 * room; the table's CHECK constraint keeps the balance from ever going below zero.
 */
@Entity
@Table(name = "voucher")
public class Voucher extends PanacheEntityBase {
    public enum Status { ACTIVE, EXPIRED }

    @Id
    public UUID id;
    @Column(name = "enterprise_uscc")
    public String enterpriseUscc;
    /** The enterprise's district when issued (P10: statistics by city). */
    @jakarta.persistence.Column(name = "district_code")
    public String districtCode;
    /** P10: the city and district pools it was issued from, e.g. {@code 3401,340104}; null: the province's only. */
    public String pools;
    @Column(name = "application_id")
    public UUID applicationId;
    @Column(name = "budget_year")
    public int budgetYear;
    @Column(name = "face_value_fen")
    public long faceValueFen;
    @Column(name = "held_fen")
    public long heldFen;
    @Column(name = "redeemed_fen")
    public long redeemedFen;
    @Column(name = "expired_fen")
    public long expiredFen;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    @Column(name = "expires_on")
    public LocalDate expiresOn;
    @Column(name = "policy_version")
    public int policyVersion;

    public long availableFen() {
        return status == Status.ACTIVE ? faceValueFen - heldFen - redeemedFen - expiredFen : 0;
    }

    public boolean validOn(LocalDate day) {
        return facts().validOn(day);
    }

    /** What the filing rules need of this voucher (P6, P7). */
    public FilingRules.VoucherFacts facts() {
        return new FilingRules.VoucherFacts(status == Status.ACTIVE, issuedOn, expiresOn, availableFen());
    }

    // Transitions of the voucher's money. Each returns the movement for the ledger, which records it; called under the
    // voucher's row lock, or on the copy a guarded statement wrote the same move from (RedemptionStore); the table's
    // CHECK keeps the balance from going below zero.

    /** 预先发放: the whole face value moves from the budget to the voucher. */
    public Movement issued() {
        return movement(Kind.ISSUE, faceValueFen, null, policyVersion);
    }

    /** A filed redemption holds its amount until it is paid or ends. */
    public Movement hold(long amountFen, UUID redemptionId, int version) {
        heldFen += amountFen;
        return movement(Kind.HOLD, amountFen, redemptionId, version);
    }

    /** The hold becomes a payment. */
    public Movement redeem(long amountFen, UUID redemptionId, int version) {
        heldFen -= amountFen;
        redeemedFen += amountFen;
        return movement(Kind.REDEEM, amountFen, redemptionId, version);
    }

    /**
     * A redemption ended without payment: its hold goes back to the voucher, or, once the voucher has expired,
     * back to the budget (P7).
     */
    public Movement[] release(long amountFen, UUID redemptionId, int version) {
        heldFen -= amountFen;
        Movement released = movement(Kind.RELEASE, amountFen, redemptionId, version);
        if (status != Status.EXPIRED) {
            return new Movement[] {released};
        }
        expiredFen += amountFen;
        return new Movement[] {released, movement(Kind.EXPIRE, amountFen, redemptionId, version)};
    }

    /** P7: past its validity, what is still available goes back to the budget. */
    public Movement expire() {
        long available = availableFen();
        expiredFen += available;
        status = Status.EXPIRED;
        return movement(Kind.EXPIRE, available, null, policyVersion);
    }

    private Movement movement(Kind kind, long amountFen, UUID redemptionId, int version) {
        return new Movement(kind, amountFen, id, enterpriseUscc, budgetYear, redemptionId, version, districtCode);
    }
}
