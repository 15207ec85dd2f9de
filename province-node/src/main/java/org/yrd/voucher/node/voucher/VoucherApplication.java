package org.yrd.voucher.node.voucher;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 申领: an enterprise asks for an amount of vouchers. */
@Entity
@Table(name = "voucher_application")
public class VoucherApplication extends PanacheEntityBase {
    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    public UUID id;
    @Column(name = "enterprise_uscc")
    public String enterpriseUscc;
    @Column(name = "amount_fen")
    public long amountFen;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "policy_version")
    public int policyVersion;
    @Column(name = "filed_at")
    public OffsetDateTime filedAt;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "voucher_id")
    public UUID voucherId;
}
