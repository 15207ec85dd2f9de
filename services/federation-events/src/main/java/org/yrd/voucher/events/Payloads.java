package org.yrd.voucher.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The {@code data} of each event type. Money in fen. No personal data: parties are legal entities by USCC. */
public final class Payloads {
    private Payloads() {}

    public record Qualification(String kind, String number) {}

    /** {@link EventTypes#PROVIDER_ADMISSION_CHANGED}: a provider's standing at home changed. */
    public record ProviderAdmission(String province, String uscc, String name, String status, Set<String> categories,
                                    List<Qualification> qualifications, String reason) {}

    /** {@link EventTypes#PROVIDER_RECOGNISED} / {@link EventTypes#PROVIDER_WITHDRAWN}. */
    public record RecognitionRecord(String uscc, String name, String homeProvince, boolean recognised,
                                    Set<String> categories, List<Qualification> qualifications, String reason) {}

    /** {@link EventTypes#CREDIT_REPORTED}: one entry of a province's negative list, or its end. */
    public record CreditReport(String province, String entryId, String partyUscc, String partyKind, String partyName,
                               String reason, LocalDate startsOn, LocalDate endsOn, boolean ended) {}

    public record CreditEntry(String province, String entryId, String reason, LocalDate startsOn, LocalDate endsOn) {}

    /** {@link EventTypes#CREDIT_STATUS}: everything the YRD list holds on one party (empty: not listed). */
    public record CreditStatus(String partyUscc, String partyKind, String partyName, List<CreditEntry> entries) {}

    /** {@link EventTypes#VOUCHER_ISSUED} / {@link EventTypes#VOUCHER_EXPIRED}. */
    public record VoucherUsage(String province, String voucherId, String enterpriseUscc, long amountFen,
                               int budgetYear, Instant at) {}

    /** {@link EventTypes#REDEMPTION_TRANSITION}: a redemption reached {@code status}. */
    public record RedemptionUsage(String province, String redemptionId, String voucherId, String enterpriseUscc,
                                  String providerUscc, String providerProvince, String category, String status,
                                  long voucherAmountFen, int budgetYear, String invoiceHash, Instant filedAt,
                                  Instant at) {}

    /** {@link EventTypes#LEDGER_SNAPSHOT}: a node's ledger for one budget year, for reconciliation. */
    /**
     * {@code auditSeq} and {@code auditHash}: the end of the node's audit chain when the snapshot was taken; the
     * hub keeps them, so a history rewritten afterwards at the node no longer matches (docs/security.md).
     */
    public record LedgerSnapshot(String province, int year, long budgetFen, long issuedFen, long heldFen,
                                 long redeemedFen, long expiredFen, Instant at, Long auditSeq, String auditHash) {}

    /** {@link EventTypes#REDEMPTION_REQUESTED} and {@link EventTypes#REDEMPTION_CONFIRMATION_REQUESTED}. */
    public record CrossRegionRequest(String redemptionId, String issuingProvince, String providerProvince,
                                     String providerUscc, String enterpriseUscc, String enterpriseName, String category,
                                     String contractNo, String invoiceHash, long actualExpenditureFen,
                                     long voucherAmountFen, LocalDate completionDate, Instant filedAt) {}

    /** {@link EventTypes#REDEMPTION_PROVIDER_ANSWERED}: CONFIRMED or DISPUTED, on the provider's node. */
    public record ProviderAnswer(String redemptionId, String issuingProvince, String providerProvince,
                                 String providerUscc, String answer, String reason, Instant at) {}

    /** {@link EventTypes#REDEMPTION_REFUSED_BY_HUB}. */
    public record HubRefusal(String redemptionId, String issuingProvince, String code, String reason) {}
}
