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
import org.yrd.voucher.edge.Actor;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.policy.RedemptionMode;
import org.yrd.voucher.policy.RedemptionRules;
import org.yrd.voucher.policy.RedemptionStatus;

/**
 * 兑付: paying voucher value against a real, completed purchase. Its state and who decided what are private: they
 * change only through the methods below, each a transition the policy library's {@link RedemptionStatus} allows.
 */
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
    private RedemptionStatus status;
    @Column(name = "policy_version")
    public int policyVersion;
    @Column(name = "filed_at")
    public OffsetDateTime filedAt;
    @Column(name = "confirmed_at")
    private OffsetDateTime confirmedAt;
    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;
    @Column(name = "paid_at")
    private OffsetDateTime paidAt;
    @Column(name = "payment_reference")
    private String paymentReference;
    private String reason;
    @Column(name = "provider_province")
    public String providerProvince;
    @Column(name = "invoice_hash")
    public String invoiceHash;
    /** Who approved or rejected it (a person, or {@code system} for the auto-approval rule), for maker–checker. */
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_by_subject")
    private String decidedBySubject;
    @Column(name = "paid_by")
    private String paidBy;
    @Column(name = "paid_by_subject")
    private String paidBySubject;

    /** P13: the enterprise declared a relation with the provider (screened as a related party). */
    @Column(name = "relation_declared")
    public boolean relationDeclared;

    /** Why the system decided or ended it, as a code rendered in the reader's language; null for a person's reason. */
    @Column(name = "reason_code")
    private String reasonCode;
    /** P6: what trimmed the amount below the request, or null when the request is paid in full. */
    @Enumerated(EnumType.STRING)
    @Column(name = "trimmed_by")
    public RedemptionRules.Trim trimmedBy;

    /** Below the province's auto-approval threshold: approved without an operator. */
    public static final String AUTO_APPROVED = "auto-approved";
    /** The provider did not answer within the confirmation timeout. */
    public static final String CONFIRMATION_TIMEOUT = "confirmation-timeout";

    // ---- its life: the state changes only through these, along RedemptionStatus (the policy library's machine)

    /** Filed now: the only way in. */
    void filed(OffsetDateTime at) {
        if (status != null) {
            throw new IllegalStateException("redemption " + id + " was filed already");
        }
        status = RedemptionStatus.FILED;
        filedAt = at;
    }

    /** The provider confirmed the service (here, or on its own node for a cross-region redemption). */
    void confirmedByProvider(OffsetDateTime at) {
        moveTo(RedemptionStatus.PROVIDER_CONFIRMED);
        confirmedAt = at;
    }

    /** Approved by a person, or by the system under the auto-approval threshold ({@link #AUTO_APPROVED}). */
    void approved(Actor by, OffsetDateTime at, String code, String text) {
        moveTo(RedemptionStatus.APPROVED);
        decided(by, at);
        because(code, text);
    }

    /** Rejected by a person (P11); the caller releases the hold. */
    void rejected(Actor by, OffsetDateTime at, String text) {
        ended(RedemptionStatus.REJECTED, null, text);
        decided(by, at);
    }

    /** Ended without payment (disputed, rejected, expired, refused by the hub); the caller releases the hold. */
    void ended(RedemptionStatus terminal, String code, String text) {
        if (terminal.live()) { // P6: only a state that neither holds nor took the money ends it unpaid
            throw new IllegalArgumentException(terminal + " does not end a redemption unpaid");
        }
        moveTo(terminal);
        because(code, text);
    }

    /** Paid by finance against a payment reference; the caller turns the hold into a debit. */
    void paid(Actor payer, OffsetDateTime at, String reference) {
        moveTo(RedemptionStatus.PAID);
        paidBy = payer.label();
        paidBySubject = payer.subject();
        paidAt = at;
        paymentReference = reference;
    }

    private void moveTo(RedemptionStatus next) {
        if (status == null || !status.canBecome(next)) {
            throw ProblemException.conflict("illegal-redemption-transition", id, status, next);
        }
        status = next;
    }

    /** Who decided it: kept so that the same person cannot also record its payment. */
    private void decided(Actor actor, OffsetDateTime at) {
        decidedBy = actor.label();
        decidedBySubject = actor.subject();
        decidedAt = at;
    }

    /** The reason for the last decision: a system code, or a person's words (or the code's detail). */
    private void because(String code, String text) {
        reasonCode = code;
        reason = text;
    }

    /** Whether the provider belongs to another province, so that it confirms on its own node. */
    public boolean isCrossRegion(String thisProvince) {
        return !thisProvince.equals(providerProvince);
    }

    /** Whether {@code subject} approved it: maker–checker, the same person does not also record its payment (P13). */
    public boolean decidedBy(String subject) {
        return decidedBySubject != null && decidedBySubject.equals(subject);
    }

    public RedemptionStatus status() {
        return status;
    }

    public OffsetDateTime confirmedAt() {
        return confirmedAt;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }

    public OffsetDateTime paidAt() {
        return paidAt;
    }

    public String paymentReference() {
        return paymentReference;
    }

    /** A person's words, or the detail of {@link #reasonCode()}. */
    public String reason() {
        return reason;
    }

    /** Why the system decided or ended it, or null for a person's reason. */
    public String reasonCode() {
        return reasonCode;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String paidBy() {
        return paidBy;
    }

    String decidedBySubject() {
        return decidedBySubject;
    }

    String paidBySubject() {
        return paidBySubject;
    }

    /** Every column, in the order {@link #read} reads them from a row (plain JDBC, {@link RedemptionStore}). */
    static final String COLUMNS = """
            id, voucher_id, budget_year, enterprise_uscc, district_code, provider_uscc, category, contract_no, invoice_no,
            invoice_key, completion_date, actual_expenditure_fen, requested_fen, voucher_amount_fen, enterprise_share_fen,
            payee, payee_uscc, status, policy_version, filed_at, confirmed_at, decided_at, paid_at, payment_reference,
            reason, provider_province, invoice_hash, decided_by, decided_by_subject, paid_by, paid_by_subject,
            relation_declared, reason_code, trimmed_by""";

    /** A redemption as a row of {@link #COLUMNS} holds it, from column {@code at} on; not managed by Hibernate. */
    static Redemption read(java.sql.ResultSet row, int at) throws java.sql.SQLException {
        Redemption r = new Redemption();
        int c = at;
        r.id = row.getObject(c++, UUID.class);
        r.voucherId = row.getObject(c++, UUID.class);
        r.budgetYear = row.getInt(c++);
        r.enterpriseUscc = row.getString(c++);
        r.districtCode = row.getString(c++);
        r.providerUscc = row.getString(c++);
        r.category = row.getString(c++);
        r.contractNo = row.getString(c++);
        r.invoiceNo = row.getString(c++);
        r.invoiceKey = row.getString(c++);
        r.completionDate = row.getObject(c++, LocalDate.class);
        r.actualExpenditureFen = row.getLong(c++);
        r.requestedFen = row.getLong(c++);
        r.voucherAmountFen = row.getLong(c++);
        r.enterpriseShareFen = row.getLong(c++);
        String payee = row.getString(c++);
        r.payee = payee == null ? null : RedemptionMode.Payee.valueOf(payee);
        r.payeeUscc = row.getString(c++);
        r.status = RedemptionStatus.valueOf(row.getString(c++));
        r.policyVersion = row.getInt(c++);
        r.filedAt = row.getObject(c++, OffsetDateTime.class);
        r.confirmedAt = row.getObject(c++, OffsetDateTime.class);
        r.decidedAt = row.getObject(c++, OffsetDateTime.class);
        r.paidAt = row.getObject(c++, OffsetDateTime.class);
        r.paymentReference = row.getString(c++);
        r.reason = row.getString(c++);
        r.providerProvince = row.getString(c++);
        r.invoiceHash = row.getString(c++);
        r.decidedBy = row.getString(c++);
        r.decidedBySubject = row.getString(c++);
        r.paidBy = row.getString(c++);
        r.paidBySubject = row.getString(c++);
        r.relationDeclared = row.getBoolean(c++);
        r.reasonCode = row.getString(c++);
        String trimmed = row.getString(c);
        r.trimmedBy = trimmed == null ? null : RedemptionRules.Trim.valueOf(trimmed);
        return r;
    }
}
