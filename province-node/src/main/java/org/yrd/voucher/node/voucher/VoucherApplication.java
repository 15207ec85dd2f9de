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
    /** IN_DRAW: filed in a draw window, waiting for the lottery (P6); NOT_DRAWN: the lottery did not select it. */
    public enum Status { PENDING, APPROVED, REJECTED, IN_DRAW, NOT_DRAWN }

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
    /** Why the system decided, as a code rendered in the reader's language; {@code null} for a person's decision. */
    @Column(name = "decision_code")
    public String decisionCode;
    /** The person's reason, as they wrote it. */
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "voucher_id")
    public UUID voucherId;
    /** The draw it was filed in (P6), if its window was a draw window. */
    @Column(name = "draw_id")
    public UUID drawId;

    /** Below the province's auto-approval threshold: issued without an operator. */
    public static final String AUTO_APPROVED = "auto-approved";

    void decide(Status outcome, OffsetDateTime at, String actor, String code, String reason) {
        status = outcome;
        decidedAt = at;
        decidedBy = actor;
        decisionCode = code;
        decisionReason = reason;
    }
}
