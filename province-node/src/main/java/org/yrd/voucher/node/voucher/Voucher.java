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

/**
 * A voucher issued in advance (预先发放): its face value is split into available, held (for pending
 * redemptions), redeemed and expired. Changed only under a row lock; the table's CHECK constraint keeps
 * the balance from ever going below zero.
 */
@Entity
@Table(name = "voucher")
public class Voucher extends PanacheEntityBase {
    public enum Status { ACTIVE, EXPIRED }

    @Id
    public UUID id;
    @Column(name = "enterprise_uscc")
    public String enterpriseUscc;
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
        return status == Status.ACTIVE && !day.isBefore(issuedOn) && !day.isAfter(expiresOn);
    }
}
