package org.yrd.voucher.hub.registry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Set;
import org.yrd.voucher.policy.Categories;

/** A provider as its home province reports it, with the hub's recognition decision. */
@Entity
@Table(name = "provider")
public class HubProvider extends PanacheEntityBase {
    @Id
    public String uscc;
    public String name;
    @Column(name = "home_province")
    public String homeProvince;
    public String status;
    @Column(name = "categories")
    public String categoryList;
    /** JSON array of {kind, number}. */
    public String qualifications;
    public boolean recognised;
    @Column(name = "recognised_categories")
    public String recognisedCategoryList;
    public String reason;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    /** P8: in the library of high-quality providers, and since when. */
    public boolean quality;
    @jakarta.persistence.Column(name = "quality_since")
    public OffsetDateTime qualitySince;

    public Set<String> categories() {
        return Categories.split(categoryList);
    }

    public Set<String> recognisedCategories() {
        return Categories.split(recognisedCategoryList);
    }

}
