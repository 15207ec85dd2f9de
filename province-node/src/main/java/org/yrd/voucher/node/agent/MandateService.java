package org.yrd.voucher.node.agent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.yrd.voucher.edge.Ids;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.edge.UsccParam;
import org.yrd.voucher.node.audit.Audit;
import org.yrd.voucher.node.enterprise.Enterprises;

/**
 * P9 service points: an enterprise authorises a service point to apply and file for it (recorded, limited in time to
 * a year at most and in scope, revocable at any time). Payments go to the enterprise or the provider as the policy
 * says (P7), never to a service point.
 */
@ApplicationScoped
public class MandateService {
    /** A mandate lasts a year at most; the enterprise renews it if it wants to. */
    public static final int MAX_DAYS = 366;

    private final Mandates mandates;
    private final Enterprises enterprises;
    private final Clock clock;
    private final Ids ids;
    private final Audit audit;

    MandateService(Mandates mandates, Enterprises enterprises, Clock clock, Ids ids, Audit audit) {
        this.mandates = mandates;
        this.enterprises = enterprises;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
    }

    @Transactional
    public Mandate grant(String enterpriseUscc, String agentUscc, Set<Mandate.Scope> scopes, LocalDate validUntil) {
        UsccParam.require("agentUscc", agentUscc);
        enterprises.require(enterpriseUscc);
        if (agentUscc.equals(enterpriseUscc)) {
            throw ProblemException.invalid("agentUscc", "agent-is-enterprise");
        }
        LocalDate today = TimeSource.today(clock);
        if (validUntil.isBefore(today) || validUntil.isAfter(today.plusDays(MAX_DAYS))) {
            throw ProblemException.invalid("validUntil", "mandate-validity", today, today.plusDays(MAX_DAYS));
        }
        Mandate m = new Mandate();
        m.id = ids.next();
        m.enterpriseUscc = enterpriseUscc;
        m.agentUscc = agentUscc;
        m.scopeList = scopes.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        m.validFrom = today;
        m.validUntil = validUntil;
        m.grantedAt = OffsetDateTime.now(clock);
        mandates.add(m);
        audit.record("mandate.granted", m.id, m.scopeList, null, "agent " + agentUscc + " until " + validUntil);
        return m;
    }

    @Transactional
    public Mandate revoke(String enterpriseUscc, UUID id, String reason) {
        Mandate m = mandates.lock(id);
        if (!m.enterpriseUscc.equals(enterpriseUscc)) {
            throw ProblemException.notFound("mandate", id);
        }
        if (m.revokedAt != null) {
            throw ProblemException.conflict("mandate-revoked", id);
        }
        m.revokedAt = OffsetDateTime.now(clock);
        m.revokedReason = reason;
        audit.record("mandate.revoked", m.id, "revoked", null, "agent " + m.agentUscc + "; " + reason);
        return m;
    }

    public List<Mandate> ofEnterprise(String enterpriseUscc) {
        return mandates.ofEnterprise(enterpriseUscc);
    }

    /** The mandates a service point holds, in force today or later. */
    public List<Mandate> ofAgent(String agentUscc) {
        LocalDate today = TimeSource.today(clock);
        return mandates.ofAgent(agentUscc).stream().filter(m -> !m.validUntil.isBefore(today)).toList();
    }
}
