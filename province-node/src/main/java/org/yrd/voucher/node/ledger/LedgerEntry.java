package org.yrd.voucher.node.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One money movement. Append-only: the database refuses UPDATE and DELETE on this table. */
@Entity
@Immutable
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {
    /** ISSUE budget→voucher; HOLD available→held; RELEASE held→available; REDEEM held→paid; EXPIRE available→expired. */
    public enum Kind { ISSUE, HOLD, RELEASE, REDEEM, EXPIRE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public OffsetDateTime at;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Column(name = "amount_fen")
    public long amountFen;
    @Column(name = "budget_year")
    public int budgetYear;
    @Column(name = "voucher_id")
    public UUID voucherId;
    @Column(name = "redemption_id")
    public UUID redemptionId;
    @Column(name = "policy_version")
    public int policyVersion;
}
