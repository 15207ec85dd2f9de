package org.yrd.voucher.node.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** P13 social supervision: a member of the public's report of a suspected abuse, and what the operator made of it. */
@Entity
@Table(name = "public_report")
public class PublicReport extends PanacheEntityBase {
    /** What the report is about. */
    public enum SubjectKind { PROVIDER, ENTERPRISE, REDEMPTION }

    /** RECEIVED until triaged; REFERRED: passed to the judicial or supervisory authorities (P13). */
    public enum Status { RECEIVED, ACCEPTED, DISMISSED, REFERRED }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind")
    public SubjectKind subjectKind;
    public String subject;
    public String description;
    /** Optional, seen by operators only. */
    public String contact;
    /** A keyed hash of the reporter's address, for the rate limit; the address itself is not kept. */
    @Column(name = "reporter_key")
    public String reporterKey;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decision_reason")
    public String decisionReason;
    /** The negative-list entry the report led to, if any. */
    @Column(name = "negative_list_entry")
    public UUID negativeListEntry;
}
