package org.yrd.voucher.node.redemption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.yrd.voucher.edge.Reader;
import org.yrd.voucher.node.common.PartyNames;
import org.yrd.voucher.policy.RedemptionMode;
import org.yrd.voucher.policy.RedemptionRules;
import org.yrd.voucher.policy.RedemptionStatus;

/** A redemption as the enterprise, the provider, the operator and finance read it, and the reason they give. */
@ApplicationScoped
public class RedemptionViews {
    private final Reader reader;
    private final PartyNames names;

    RedemptionViews(Reader reader, PartyNames names) {
        this.reader = reader;
        this.names = names;
    }

    /** Why a person decides as they do (a dispute, an approval, a rejection): kept with the decision. */
    public record Reason(@NotBlank @Size(max = 500) String reason) {}

    public record RedemptionView(UUID id, UUID voucherId, String enterpriseUscc, String providerUscc, String category,
                                 String contractNo, String invoiceNo, LocalDate completionDate,
                                 long actualExpenditureFen, long requestedFen, long voucherAmountFen,
                                 long enterpriseShareFen, RedemptionMode.Payee payee, String payeeUscc,
                                 RedemptionStatus status, int policyVersion, OffsetDateTime filedAt,
                                 OffsetDateTime confirmedAt, OffsetDateTime decidedAt, OffsetDateTime paidAt,
                                 String paymentReference, String reason, String providerProvince,
                                 String reasonCode, RedemptionRules.Trim trimmedBy, String trimmedReason,
                                 String decidedBy, String paidBy, String enterpriseName, String providerName) {}

    /**
     * A redemption as its reader sees it: a reason the system gave (its code in {@code reasonCode}) and why the
     * amount was trimmed (P6) are rendered in the reader's language.
     */
    public RedemptionView view(Redemption r) {
        return view(r, java.util.Map.of());
    }

    /** A list as its reader sees it, each with the enterprise's and the provider's names beside their codes. */
    public List<RedemptionView> views(List<Redemption> list) {
        java.util.Set<String> parties = new java.util.HashSet<>();
        list.forEach(r -> {
            parties.add(r.enterpriseUscc);
            parties.add(r.providerUscc);
        });
        java.util.Map<String, String> known = names.of(parties);
        return list.stream().map(r -> view(r, known)).toList();
    }

    /** One redemption with its parties' names (a command's answer has none). */
    public RedemptionView named(Redemption r) {
        return views(List.of(r)).get(0);
    }

    private RedemptionView view(Redemption r, java.util.Map<String, String> names) {
        return new RedemptionView(r.id, r.voucherId, r.enterpriseUscc, r.providerUscc, r.category, r.contractNo,
                r.invoiceNo, r.completionDate, r.actualExpenditureFen, r.requestedFen, r.voucherAmountFen,
                r.enterpriseShareFen, r.payee, r.payeeUscc, r.status(), r.policyVersion, r.filedAt, r.confirmedAt(),
                r.decidedAt(), r.paidAt(), r.paymentReference(), reader.reason(r.reasonCode(), r.reason(), r.reason()),
                r.providerProvince, r.reasonCode(), r.trimmedBy,
                r.trimmedBy == null ? null : reader.reason("trim." + r.trimmedBy, null), r.decidedBy(), r.paidBy(),
                names.get(r.enterpriseUscc), names.get(r.providerUscc));
    }
}
