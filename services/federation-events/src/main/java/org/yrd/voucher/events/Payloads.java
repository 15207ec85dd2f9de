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
                                    Set<String> categories, List<Qualification> qualifications, String reason,
                                    boolean quality) {
        /** {@code quality}: in the hub's library of high-quality providers (P8 优质服务机构资源库). */
        public RecognitionRecord(String uscc, String name, String homeProvince, boolean recognised,
                                 Set<String> categories, List<Qualification> qualifications, String reason) {
            this(uscc, name, homeProvince, recognised, categories, qualifications, reason, false);
        }
    }

    /** {@link EventTypes#CREDIT_REPORTED}: one entry of a province's negative list, or its end. */
    public record CreditReport(String province, String entryId, String partyUscc, String partyKind, String partyName,
                               String reason, LocalDate startsOn, LocalDate endsOn, boolean ended) {}

    public record CreditEntry(String province, String entryId, String reason, LocalDate startsOn, LocalDate endsOn) {}

    /** {@link EventTypes#CREDIT_STATUS}: everything the YRD list holds on one party (empty: not listed). */
    public record CreditStatus(String partyUscc, String partyKind, String partyName, List<CreditEntry> entries) {}

    /** {@link EventTypes#VOUCHER_ISSUED} / {@link EventTypes#VOUCHER_EXPIRED}. */
    public record VoucherUsage(String province, String voucherId, String enterpriseUscc, long amountFen,
                               int budgetYear, Instant at, String districtCode) {
        /** {@code districtCode}: the enterprise's, for the statistics by city (P10); null from older nodes. */
        public VoucherUsage(String province, String voucherId, String enterpriseUscc, long amountFen, int budgetYear,
                            Instant at) {
            this(province, voucherId, enterpriseUscc, amountFen, budgetYear, at, null);
        }
    }

    /** {@link EventTypes#REDEMPTION_TRANSITION}: a redemption reached {@code status}. */
    public record RedemptionUsage(String province, String redemptionId, String voucherId, String enterpriseUscc,
                                  String providerUscc, String providerProvince, String category, String status,
                                  long voucherAmountFen, int budgetYear, String invoiceHash, Instant filedAt,
                                  Instant at, String contractHash, Long actualExpenditureFen, String districtCode) {
        /** {@code districtCode}: the enterprise's, for the statistics by city (P10). */
        public RedemptionUsage(String province, String redemptionId, String voucherId, String enterpriseUscc,
                               String providerUscc, String providerProvince, String category, String status,
                               long voucherAmountFen, int budgetYear, String invoiceHash, Instant filedAt, Instant at,
                               String contractHash, Long actualExpenditureFen) {
            this(province, redemptionId, voucherId, enterpriseUscc, providerUscc, providerProvince, category, status,
                    voucherAmountFen, budgetYear, invoiceHash, filedAt, at, contractHash, actualExpenditureFen, null);
        }

        /** A transition after filing: the contract's keyed hash and the expenditure travel with {@code FILED} only. */
        public RedemptionUsage(String province, String redemptionId, String voucherId, String enterpriseUscc,
                               String providerUscc, String providerProvince, String category, String status,
                               long voucherAmountFen, int budgetYear, String invoiceHash, Instant filedAt, Instant at) {
            this(province, redemptionId, voucherId, enterpriseUscc, providerUscc, providerProvince, category, status,
                    voucherAmountFen, budgetYear, invoiceHash, filedAt, at, null, null, null);
        }
    }

    /** {@link EventTypes#RISK_FLAG}: where a flag stands ({@code OPEN}, {@code CONFIRMED}, {@code CLEARED}). */
    public record RiskFlagUsage(String province, String flagId, String redemptionId, String rule, String source,
                                String status, Instant at) {}

    /** {@link EventTypes#RATING_GIVEN}: 1–5, by the enterprise whose redemption was paid. */
    public record RatingGiven(String province, String redemptionId, String providerUscc, String providerProvince,
                              int score, Instant at) {}

    /** {@link EventTypes#NOTICE_PUBLISHED}: the notice as published; {@code withdrawnAt} set once withdrawn. */
    public record NoticePublished(String province, String noticeId, String kind, String title, String body,
                                  String category, Long expenditureFen, Long voucherAmountFen, Instant publishedAt,
                                  Instant withdrawnAt) {}

    /** {@link EventTypes#RISK_FLAGGED_BY_HUB}: {@code evidence} names what the rule fired on. */
    public record RiskFlagRaised(String province, String redemptionId, String rule, java.util.Map<String, Object> evidence) {}

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
