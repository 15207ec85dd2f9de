package org.yrd.voucher.node.notification;

import java.util.List;
import org.yrd.voucher.edge.Roles;

/**
 * Who is told of what the audit trail records: every step that waits for someone tells them (the provider of a
 * request, the enterprise of each decision on its application or redemption, finance of what is ready to pay,
 * operators of what waits for them). Pure: the parties come from the record's target, read with it by the notifier.
 */
final class NotificationRules {
    private NotificationRules() {}

    /** One notification: its kind (the message key is {@code notification.<kind>}) and for whom. */
    record Notice(String kind, String uscc, String role) {
        static Notice toParty(String kind, String uscc) {
            return uscc == null ? null : new Notice(kind, uscc, null);
        }

        static Notice toRole(String kind, String role) {
            return new Notice(kind, null, role);
        }
    }

    /** The parties of a record's target: the enterprise, and the provider when it is this node's. */
    record Parties(String enterprise, String localProvider) {}

    /** The actions that tell someone, for the notifier's query. */
    static final List<String> ACTIONS = List.of("application.filed", "application.approve", "application.reject",
            "application.drawn", "application.not-drawn", "redemption.filed", "redemption.provider_confirmed",
            "redemption.disputed", "redemption.approved", "redemption.rejected", "redemption.paid",
            "redemption.expired", "incoming-redemption.received", "risk.raised", "report.received", "policy.draft",
            "account.binding-requested");

    static List<Notice> of(String action, String outcome, Parties p) {
        String e = p.enterprise();
        java.util.List<Notice> out = new java.util.ArrayList<>();
        switch (action) {
            case "application.filed" -> out.add("APPROVED".equals(outcome) ? Notice.toParty("application-approved", e)
                    : "PENDING".equals(outcome) ? Notice.toRole("application-waiting", Roles.OPERATOR) : null);
            case "application.approve" -> out.add(Notice.toParty("application-approved", e));
            case "application.reject" -> out.add(Notice.toParty("application-rejected", e));
            case "application.drawn" -> out.add(Notice.toParty("APPROVED".equals(outcome) ? "draw-won" : "application-rejected", e));
            case "application.not-drawn" -> out.add(Notice.toParty("draw-lost", e));
            case "redemption.filed" -> out.add(Notice.toParty("redemption-requested", p.localProvider()));
            case "incoming-redemption.received" -> out.add(Notice.toParty("redemption-requested", p.localProvider()));
            case "redemption.provider_confirmed" -> out.add(Notice.toParty("redemption-confirmed", e));
            case "redemption.disputed" -> out.add(Notice.toParty("redemption-disputed", e));
            case "redemption.approved" -> {
                out.add(Notice.toParty("redemption-approved", e));
                out.add(Notice.toRole("redemption-to-pay", Roles.FINANCE));
            }
            case "redemption.rejected" -> out.add(Notice.toParty("redemption-rejected", e));
            case "redemption.paid" -> {
                out.add(Notice.toParty("redemption-paid", e));
                out.add(Notice.toParty("redemption-paid", p.localProvider()));
            }
            case "redemption.expired" -> out.add(Notice.toParty("redemption-expired", e));
            case "risk.raised" -> out.add(Notice.toRole("risk-raised", Roles.OPERATOR));
            case "report.received" -> out.add(Notice.toRole("report-received", Roles.OPERATOR));
            case "policy.draft" -> out.add(Notice.toRole("policy-draft", Roles.OPERATOR));
            case "account.binding-requested" -> out.add(Notice.toRole("account-binding", Roles.OPERATOR));
            default -> { }
        }
        out.removeIf(java.util.Objects::isNull);
        return out;
    }
}
