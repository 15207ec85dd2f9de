package org.yrd.voucher.node.redemption;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.yrd.voucher.policy.RedemptionMode;
import org.yrd.voucher.policy.RedemptionRules;
import org.yrd.voucher.policy.RedemptionStatus;

/** 兑付: paying voucher value against a real, completed purchase. */
@Entity
@Table(name = "redemption")
public class Redemption extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "voucher_id")
    public UUID voucherId;
    /** The voucher's budget year, fixed at filing. */
    @Column(name = "budget_year")
    public int budgetYear;
    @Column(name = "enterprise_uscc")
    public String enterpriseUscc;
    /** The enterprise's district when filed (P10: statistics by city). */
    @Column(name = "district_code")
    public String districtCode;
    @Column(name = "provider_uscc")
    public String providerUscc;
    public String category;
    @Column(name = "contract_no")
    public String contractNo;
    @Column(name = "invoice_no")
    public String invoiceNo;

    /** The invoice's identity (DocumentNumbers.key): unique per provider among live redemptions (P3, P13). */
    @Column(name = "invoice_key")
    public String invoiceKey;
    @Column(name = "completion_date")
    public LocalDate completionDate;
    @Column(name = "actual_expenditure_fen")
    public long actualExpenditureFen;
    @Column(name = "requested_fen")
    public long requestedFen;
    @Column(name = "voucher_amount_fen")
    public long voucherAmountFen;
    @Column(name = "enterprise_share_fen")
    public long enterpriseShareFen;
    @Enumerated(EnumType.STRING)
    public RedemptionMode.Payee payee;
    @Column(name = "payee_uscc")
    public String payeeUscc;
    @Enumerated(EnumType.STRING)
    public RedemptionStatus status;
    @Column(name = "policy_version")
    public int policyVersion;
    @Column(name = "filed_at")
    public OffsetDateTime filedAt;
    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "paid_at")
    public OffsetDateTime paidAt;
    @Column(name = "payment_reference")
    public String paymentReference;
    public String reason;
    @Column(name = "provider_province")
    public String providerProvince;
    @Column(name = "invoice_hash")
    public String invoiceHash;
    /** Who approved or rejected it (a person, or {@code system} for the auto-approval rule), for maker–checker. */
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_by_subject")
    public String decidedBySubject;
    @Column(name = "paid_by")
    public String paidBy;
    @Column(name = "paid_by_subject")
    public String paidBySubject;

    /** P13: the enterprise declared a relation with the provider (screened as a related party). */
    @Column(name = "relation_declared")
    public boolean relationDeclared;

    /** Why the system decided or ended it, as a code rendered in the reader's language; null for a person's reason. */
    @Column(name = "reason_code")
    public String reasonCode;
    /** P6: what trimmed the amount below the request, or null when the request is paid in full. */
    @Enumerated(EnumType.STRING)
    @Column(name = "trimmed_by")
    public RedemptionRules.Trim trimmedBy;

    /** Below the province's auto-approval threshold: approved without an operator. */
    public static final String AUTO_APPROVED = "auto-approved";
    /** The provider did not answer within the confirmation timeout. */
    public static final String CONFIRMATION_TIMEOUT = "confirmation-timeout";

    /** The reason for the last decision: a system code, or a person's words (or the code's detail). */
    void because(String code, String text) {
        reasonCode = code;
        reason = text;
    }

    /** Whether the provider belongs to another province, so that it confirms on its own node. */
    public boolean isCrossRegion(String thisProvince) {
        return !thisProvince.equals(providerProvince);
    }

    /** Who decided it: kept so that the same person cannot also record its payment. */
    public void decided(org.yrd.voucher.edge.Actor actor) {
        decidedBy = actor.label();
        decidedBySubject = actor.subject();
    }
}
