package org.yrd.voucher.node.provider;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.yrd.voucher.policy.Categories;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "provider")
public class Provider extends PanacheEntityBase {
    /** A qualification such as CMA (检验检测机构资质认定) or CNAS accreditation, with its certificate number. */
    public record Qualification(String kind, String number) {}

    @Id
    public String uscc;
    public String name;
    @Enumerated(EnumType.STRING)
    public ProviderStatus status;
    /** Comma-separated category codes. */
    @Column(name = "categories")
    public String categoryList;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Qualification> qualifications;
    @Column(name = "applied_at")
    public OffsetDateTime appliedAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    /** P13: who stands behind it, compared with its customers'. */
    @jakarta.persistence.Embedded
    public org.yrd.voucher.node.common.Contact contact = new org.yrd.voucher.node.common.Contact();

    /**
     * Who stands behind it, never null. Hibernate loads an embedded value whose columns are all empty as null; an
     * empty one is answered without being stored in the field, so that loading never makes the row dirty (before, a
     * {@code @PostLoad} filled it in and every locked or read-for-update row was written back, one UPDATE per request).
     */
    public org.yrd.voucher.node.common.Contact contact() {
        return contact == null ? new org.yrd.voucher.node.common.Contact() : contact;
    }

    public Set<String> categories() {
        return Categories.split(categoryList);
    }
}
