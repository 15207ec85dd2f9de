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

    /** Hibernate loads an embedded value whose columns are all empty as null: an empty contact instead. */
    @jakarta.persistence.PostLoad
    void contactNeverNull() {
        if (contact == null) {
            contact = new org.yrd.voucher.node.common.Contact();
        }
    }

    public Set<String> categories() {
        return Categories.split(categoryList);
    }
}
