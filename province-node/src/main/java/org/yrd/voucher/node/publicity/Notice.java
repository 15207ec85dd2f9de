package org.yrd.voucher.node.publicity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** P12 publicity: a notice (a policy change, a window opening …) or a typical case, as an operator published it. */
@Entity
@Table(name = "notice")
public class Notice extends PanacheEntityBase {
    public enum Kind { NOTICE, CASE }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String title;
    public String body;
    /** A service category (P2) a typical case is about; optional. */
    public String category;
    /** A typical case's amounts: what the purchase cost and what the voucher paid. */
    @Column(name = "expenditure_fen")
    public Long expenditureFen;
    @Column(name = "voucher_amount_fen")
    public Long voucherAmountFen;
    /** Also published by the hub for the whole YRD. */
    @Column(name = "yrd_wide")
    public boolean yrdWide;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    @Column(name = "published_by")
    public String publishedBy;
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;
    @Column(name = "withdrawn_reason")
    public String withdrawnReason;
}
