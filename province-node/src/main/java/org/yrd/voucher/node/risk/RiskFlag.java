package org.yrd.voucher.node.risk;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.yrd.voucher.policy.RiskRules;

/** P13 risk prevention: one rule that fired on one redemption, with its evidence, until an operator decides it. */
@Entity
@Table(name = "risk_flag")
public class RiskFlag extends PanacheEntityBase {
    public enum Status { OPEN, CONFIRMED, CLEARED }

    /** Where the rule ran: this node, or the hub (rules across provinces). */
    public enum Source { NODE, HUB }

    @Id
    public UUID id;
    @Column(name = "redemption_id")
    public UUID redemptionId;
    @Enumerated(EnumType.STRING)
    public RiskRules.Rule rule;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> evidence;
    @Enumerated(EnumType.STRING)
    public Source source;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "raised_at")
    public OffsetDateTime raisedAt;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_by_subject")
    public String decidedBySubject;
    @Column(name = "decision_reason")
    public String decisionReason;
}
