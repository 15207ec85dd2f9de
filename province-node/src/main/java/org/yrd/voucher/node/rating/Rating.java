package org.yrd.voucher.node.rating;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** P8, P11: the enterprise's rating of a service paid for with a voucher, once per redemption. */
@Entity
@Table(name = "rating")
public class Rating extends PanacheEntityBase {
    @Id
    @Column(name = "redemption_id")
    public UUID redemptionId;
    @Column(name = "enterprise_uscc")
    public String enterpriseUscc;
    @Column(name = "provider_uscc")
    public String providerUscc;
    public short score;
    public String comment;
    @Column(name = "rated_at")
    public OffsetDateTime ratedAt;
}
