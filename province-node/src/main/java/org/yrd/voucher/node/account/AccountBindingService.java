package org.yrd.voucher.node.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.yrd.voucher.edge.Ids;
import org.yrd.voucher.edge.Paging;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.UsccParam;
import org.yrd.voucher.node.audit.Audit;
import org.yrd.voucher.node.common.NodeConfig;

/**
 * Accounts a company registered itself: the request to act for a USCC waits for an operator of the province, who
 * checks the company's papers and confirms (the realm then gives the account the USCC, the province and the role)
 * or rejects it with a reason. Every step is audited.
 */
@ApplicationScoped
public class AccountBindingService {
    private final AccountBindings bindings;
    private final IdentityAdmin realm;
    private final Audit audit;
    private final Clock clock;
    private final Ids ids;
    private final NodeConfig config;

    AccountBindingService(AccountBindings bindings, IdentityAdmin realm, Audit audit, Clock clock, Ids ids,
                          NodeConfig config) {
        this.bindings = bindings;
        this.realm = realm;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.config = config;
    }

    /** The account asks to act for {@code uscc}; 409 while it has a request pending or confirmed. */
    @Transactional
    public AccountBinding request(String subject, String username, String uscc, String companyName,
                                  AccountBinding.Kind kind) {
        UsccParam.require("uscc", uscc);
        Optional<AccountBinding> open = bindings.latestOf(subject).filter(b -> b.status != AccountBinding.Status.REJECTED);
        if (open.isPresent()) {
            throw ProblemException.conflict("account-binding-open", open.get().id, open.get().status);
        }
        AccountBinding b = new AccountBinding();
        b.id = ids.next();
        b.subject = subject;
        b.username = username;
        b.uscc = uscc;
        b.companyName = companyName;
        b.kind = kind;
        b.status = AccountBinding.Status.PENDING;
        b.requestedAt = OffsetDateTime.now(clock);
        try {
            bindings.add(b);
        } catch (ConstraintViolationException e) {
            throw ProblemException.conflict("account-binding-open", "-", AccountBinding.Status.PENDING); // a request sent twice at once
        }
        audit.record("account.binding-requested", b.id, b.status.name(), null, kind + " " + uscc + " " + companyName);
        return b;
    }

    public Optional<AccountBinding> latestOf(String subject) {
        return bindings.latestOf(subject);
    }

    public List<AccountBinding> inStatus(AccountBinding.Status status, Paging page) {
        return bindings.inStatus(status, page);
    }

    /**
     * The operator confirms: the realm binds the account first (nothing is recorded as confirmed that the realm did
     * not do; a realm that cannot be reached leaves the request pending, 503), then the request is closed.
     */
    @Transactional
    public AccountBinding confirm(UUID id, String actor, String reason) {
        AccountBinding b = bindings.lockPending(id);
        realm.bind(b.subject, b.uscc, config.province().name(), b.kind.role);
        decide(b, AccountBinding.Status.CONFIRMED, actor, reason);
        audit.record("account.binding-confirmed", b.id, b.status.name(), null, b.kind + " " + b.uscc + "; " + reason);
        return b;
    }

    @Transactional
    public AccountBinding reject(UUID id, String actor, String reason) {
        AccountBinding b = bindings.lockPending(id);
        decide(b, AccountBinding.Status.REJECTED, actor, reason);
        audit.record("account.binding-rejected", b.id, b.status.name(), null, b.kind + " " + b.uscc + "; " + reason);
        return b;
    }

    private void decide(AccountBinding b, AccountBinding.Status status, String actor, String reason) {
        b.status = status;
        b.decidedAt = OffsetDateTime.now(clock);
        b.decidedBy = actor;
        b.decisionReason = reason;
    }
}
