package org.yrd.voucher.node.agent;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** P9: an enterprise's authorisation of a service point, limited in time and scope, revocable by the enterprise. */
@Entity
@Table(name = "agent_mandate")
public class Mandate extends PanacheEntityBase {
    /** What a service point may do besides reading: apply for vouchers, file redemptions. */
    public enum Scope { APPLY, FILE }

    @Id
    public UUID id;
    @Column(name = "enterprise_uscc")
    public String enterpriseUscc;
    @Column(name = "agent_uscc")
    public String agentUscc;
    @Column(name = "scopes")
    public String scopeList;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    @Column(name = "granted_at")
    public OffsetDateTime grantedAt;
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
    @Column(name = "revoked_reason")
    public String revokedReason;

    public Set<Scope> scopes() {
        return Arrays.stream(scopeList.split(",")).filter(s -> !s.isBlank()).map(Scope::valueOf)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean inForceOn(LocalDate day) {
        return revokedAt == null && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
