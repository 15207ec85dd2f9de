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
    /** P13: who stands behind it, compared with its providers'. */
    @jakarta.persistence.Embedded
    public org.yrd.voucher.node.common.Contact contact = new org.yrd.voucher.node.common.Contact();
    /** P13 concentration: the group it belongs to (its parent company's USCC), if any. */
    @Column(name = "parent_uscc")
    public String parentUscc;

    /**
     * Who stands behind it, never null. Hibernate loads an embedded value whose columns are all empty as null; an
     * empty one is answered without being stored in the field, so that loading never makes the row dirty (before, a
     * {@code @PostLoad} filled it in and every locked or read-for-update row was written back, one UPDATE per request).
     */
    public org.yrd.voucher.node.common.Contact contact() {
        return contact == null ? new org.yrd.voucher.node.common.Contact() : contact;
    }
    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;
}
