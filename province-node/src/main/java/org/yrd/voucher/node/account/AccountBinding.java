package org.yrd.voucher.node.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.yrd.voucher.edge.Roles;

/**
 * A self-registered account's request to act for a company (its USCC), pending until an operator of the province
 * confirms it: only then does the account get the USCC and the role, at the realm.
 */
@Entity
@Table(name = "account_binding")
public class AccountBinding extends PanacheEntityBase {
    public enum Status { PENDING, CONFIRMED, REJECTED }

    /** What the company is, and the one role it gets when confirmed. */
    public enum Kind {
        ENTERPRISE(Roles.ENTERPRISE), PROVIDER(Roles.PROVIDER), SERVICE_POINT(Roles.AGENT);

        public final String role;

        Kind(String role) {
            this.role = role;
        }
    }

    @Id
    public UUID id;
    /** The account at the province's realm (the token's {@code sub}). */
    public String subject;
    public String username;
    public String uscc;
    @Column(name = "company_name")
    public String companyName;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decision_reason")
    public String decisionReason;
}
