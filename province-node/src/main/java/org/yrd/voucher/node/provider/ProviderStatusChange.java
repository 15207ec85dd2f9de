package org.yrd.voucher.node.provider;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The history of a provider's admission: every change with its reason and who made it. */
@Entity
@Table(name = "provider_status_change")
public class ProviderStatusChange extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "provider_uscc")
    public String providerUscc;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ProviderStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ProviderStatus toStatus;
    public String reason;
    public String actor;
    public OffsetDateTime at;
}
