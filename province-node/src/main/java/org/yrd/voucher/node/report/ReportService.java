package org.yrd.voucher.node.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.yrd.voucher.edge.Actor;
import org.yrd.voucher.edge.Caller;
import org.yrd.voucher.edge.IdParam;
import org.yrd.voucher.edge.Ids;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.node.common.ListQuery;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.edge.UsccParam;
import org.yrd.voucher.events.InvoiceHash;
import org.yrd.voucher.node.audit.Audit;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.node.credit.NegativeList;
import org.yrd.voucher.node.credit.NegativeListEntry;

/**
 * P13 social supervision: anyone may report a suspected abuse, without signing in; operators triage each report
 * with a reason, and an accepted report about a party may list it on the negative list. Monthly counts per outcome
 * are public.
 */
@ApplicationScoped
public class ReportService {
    private final PublicReports reports;
    private final NegativeList negativeList;
    private final NodeConfig config;
    private final Clock clock;
    private final Ids ids;
    private final Audit audit;
    private final Caller caller;

    ReportService(PublicReports reports, NegativeList negativeList, NodeConfig config, Clock clock, Ids ids, Audit audit,
                  Caller caller) {
        this.reports = reports;
        this.negativeList = negativeList;
        this.config = config;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
        this.caller = caller;
    }

    /** An operator's triage; {@code listUntil} only with {@code list}. */
    public record Triage(PublicReport.Status outcome, String reason, boolean list, LocalDate listUntil) {}

    @Transactional
    public PublicReport file(PublicReport.SubjectKind kind, String subject, String description, String contact) {
        if (kind == PublicReport.SubjectKind.REDEMPTION) {
            IdParam.uuid("subject", subject);
        } else {
            UsccParam.require("subject", subject);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String address = caller.clientAddress();
        // the address only as a keyed hash: enough to limit, not enough to find the reporter
        String reporterKey = InvoiceHash.of(config.federation().invoiceHashKey(), "reporter",
                address == null ? "unknown" : address);
        int perHour = config.reports().perHour();
        if (reports.countWithin(reporterKey, now.minusHours(1), now) >= perHour) {
            throw ProblemException.tooMany("too-many-reports", perHour);
        }
        PublicReport r = new PublicReport();
        r.id = ids.next();
        r.subjectKind = kind;
        r.subject = subject;
        r.description = description;
        r.contact = contact == null || contact.isBlank() ? null : contact.strip();
        r.reporterKey = reporterKey;
        r.status = PublicReport.Status.RECEIVED;
        r.receivedAt = now;
        reports.add(r);
        audit.record(Actor.system("public"), "report.received", r.id, r.status.name(), null,
                kind + " " + subject);
        return r;
    }

    @Transactional
    public PublicReport triage(UUID id, Triage t) {
        if (t.outcome() == PublicReport.Status.RECEIVED) {
            throw ProblemException.invalid("outcome", "one-of", "ACCEPTED, DISMISSED, REFERRED");
        }
        PublicReport r = reports.lock(id);
        if (r.status != PublicReport.Status.RECEIVED) {
            throw ProblemException.conflict("report-triaged", id, r.status);
        }
        Actor actor = caller.actor();
        if (t.list()) {
            // P13: a report found true about a party may put it on the negative list, shared YRD-wide
            if (t.outcome() != PublicReport.Status.ACCEPTED || r.subjectKind == PublicReport.SubjectKind.REDEMPTION) {
                throw ProblemException.invalid("list", "listing-needs-accepted-party");
            }
            NegativeListEntry e = negativeList.add(r.subject, NegativeListEntry.PartyKind.valueOf(r.subjectKind.name()),
                    null, t.reason(), TimeSource.today(clock), t.listUntil(), actor.label());
            r.negativeListEntry = e.id;
        }
        r.status = t.outcome();
        r.decidedAt = OffsetDateTime.now(clock);
        r.decidedBy = actor.label();
        r.decisionReason = t.reason();
        audit.record("report." + r.status.name().toLowerCase(java.util.Locale.ROOT), r.id, r.status.name(), null,
                t.reason());
        return r;
    }

    public List<PublicReport> list(PublicReport.Status status, ListQuery query, Paging page) {
        return reports.list(status, query, page);
    }

    public List<PublicReports.MonthCount> perMonth() {
        return reports.perMonth();
    }
}
