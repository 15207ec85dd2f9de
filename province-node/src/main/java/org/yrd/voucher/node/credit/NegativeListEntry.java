package org.yrd.voucher.node.credit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.yrd.voucher.policy.Listing;
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

    /** P13: a request to end the entry, waiting for a second operator (maker-checker). */
    @Column(name = "end_requested_at")
    public OffsetDateTime endRequestedAt;
    @Column(name = "end_requested_by")
    public String endRequestedBy;
    @Column(name = "end_requested_by_subject")
    public String endRequestedBySubject;
    @Column(name = "end_requested_reason")
    public String endRequestedReason;

    public boolean inForceOn(LocalDate day) {
        return Listing.inForce(startsOn, endsOn, endedAt != null, day);
    }
}
