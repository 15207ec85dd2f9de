package org.yrd.voucher.node.publicity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.yrd.voucher.edge.Actor;
import org.yrd.voucher.edge.Caller;
import org.yrd.voucher.edge.Ids;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.node.audit.Audit;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.node.policy.PolicyService;

/**
 * P12 publicity: operators publish notices and typical cases; the public reads them as pages of the API and as an
 * Atom feed; those marked YRD-wide go to the hub, which lists the whole YRD's.
 */
@ApplicationScoped
public class NoticeService {
    private final Notices notices;
    private final PolicyService policies;
    private final Outbox outbox;
    private final NodeConfig config;
    private final Clock clock;
    private final Ids ids;
    private final Audit audit;
    private final Caller caller;

    NoticeService(Notices notices, PolicyService policies, Outbox outbox, NodeConfig config, Clock clock, Ids ids,
                  Audit audit, Caller caller) {
        this.notices = notices;
        this.policies = policies;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
        this.caller = caller;
    }

    public record Draft(Notice.Kind kind, String title, String body, String category, Long expenditureFen,
                        Long voucherAmountFen, boolean yrdWide) {}

    @Transactional
    public Notice publish(Draft d) {
        if (d.category() != null && !policies.current().policy().categories().contains(d.category())) {
            throw ProblemException.invalid("category", "unknown-category");
        }
        if (d.voucherAmountFen() != null && d.expenditureFen() != null && d.voucherAmountFen() > d.expenditureFen()) {
            throw ProblemException.invalid("voucherAmountFen", "case-above-expenditure"); // P6, even in a story
        }
        Actor actor = caller.actor();
        Notice n = new Notice();
        n.id = ids.next();
        n.kind = d.kind();
        n.title = d.title();
        n.body = d.body();
        n.category = d.category();
        n.expenditureFen = d.expenditureFen();
        n.voucherAmountFen = d.voucherAmountFen();
        n.yrdWide = d.yrdWide();
        n.publishedAt = OffsetDateTime.now(clock);
        n.publishedBy = actor.label();
        notices.add(n);
        audit.record("notice.published", n.id, n.kind.name(), null, n.title);
        tellHub(n);
        return n;
    }

    @Transactional
    public Notice withdraw(UUID id, String reason) {
        Notice n = notices.lock(id);
        if (n.withdrawnAt != null) {
            throw ProblemException.conflict("notice-withdrawn", id);
        }
        n.withdrawnAt = OffsetDateTime.now(clock);
        n.withdrawnReason = reason;
        audit.record("notice.withdrawn", n.id, n.kind.name(), null, reason);
        tellHub(n);
        return n;
    }

    public Notice published(UUID id) {
        return notices.published(id);
    }

    public List<Notice> published(Notice.Kind kind, Paging page) {
        return notices.published(kind, page);
    }

    public List<Notice> all(Paging page) {
        return notices.all(page);
    }

    private void tellHub(Notice n) {
        if (n.yrdWide) {
            outbox.publish(Topics.USAGE, n.id.toString(), EventTypes.NOTICE_PUBLISHED,
                    new Payloads.NoticePublished(config.province().name(), n.id.toString(), n.kind.name(), n.title,
                            n.body, n.category, n.expenditureFen, n.voucherAmountFen, n.publishedAt.toInstant(),
                            n.withdrawnAt == null ? null : n.withdrawnAt.toInstant()));
        }
    }
}
