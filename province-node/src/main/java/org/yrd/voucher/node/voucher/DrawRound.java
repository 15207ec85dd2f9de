package org.yrd.voucher.node.voucher;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** P6: one occurrence of a draw window, its published seed and, once drawn, its result. */
@Entity
@Table(name = "draw")
public class DrawRound extends PanacheEntityBase {
    public enum Status { ANNOUNCED, DRAWN }

    @Id
    public UUID id;
    @Column(name = "opens_on")
    public LocalDate opensOn;
    @Column(name = "closes_on")
    public LocalDate closesOn;
    public String seed;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "announced_at")
    public OffsetDateTime announcedAt;
    @Column(name = "announced_by")
    public String announcedBy;
    @Column(name = "drawn_at")
    public OffsetDateTime drawnAt;
    @Column(name = "drawn_by")
    public String drawnBy;
    /** What was left to allocate when drawn: the province's budget ({@code ""}) and each pool's. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Long> budgets;
    /** Every application id in the order drawn. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "drawn_order")
    public List<String> drawnOrder;
}
