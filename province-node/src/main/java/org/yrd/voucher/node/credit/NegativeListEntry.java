package org.yrd.voucher.node.credit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "negative_list_entry")
public class NegativeListEntry extends PanacheEntityBase {
    public enum PartyKind { ENTERPRISE, PROVIDER }

    @Id
    public UUID id;
    @Column(name = "party_uscc")
    public String partyUscc;
    @Enumerated(EnumType.STRING)
    @Column(name = "party_kind")
    public PartyKind partyKind;
    @Column(name = "party_name")
    public String partyName;
    public String reason;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "listed_by")
    public String listedBy;
    @Column(name = "listed_at")
    public OffsetDateTime listedAt;
    @Column(name = "ended_at")
    public OffsetDateTime endedAt;
    @Column(name = "ended_by")
    public String endedBy;
    @Column(name = "ended_reason")
    public String endedReason;

    public boolean inForceOn(LocalDate day) {
        return endedAt == null && !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
    }
}
