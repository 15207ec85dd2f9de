package org.yrd.voucher.node.enterprise;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.yrd.voucher.policy.RecipientType;

@Entity
@Table(name = "enterprise")
public class Enterprise extends PanacheEntityBase {
    @Id
    public String uscc;
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_type")
    public RecipientType recipientType;
    @Column(name = "sme_registration_no")
    public String smeRegistrationNo;
    @Column(name = "sme_registration_year")
    public Integer smeRegistrationYear;
    @Column(name = "district_code")
    public String districtCode;
    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;
}
