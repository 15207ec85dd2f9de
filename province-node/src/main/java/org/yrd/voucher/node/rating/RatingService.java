package org.yrd.voucher.node.rating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.node.audit.Audit;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.node.redemption.Redemption;
import org.yrd.voucher.policy.RedemptionStatus;
import org.yrd.voucher.node.redemption.Redemptions;

/**
 * P8, P11: once a redemption is paid, its enterprise rates the service (1–5, a comment), once. The rating goes to
 * the hub, where it counts in the YRD catalogue, the library of high-quality providers and the providers' reports.
 */
@ApplicationScoped
public class RatingService {
    private final EntityManager em;
    private final Redemptions redemptions;
    private final Outbox outbox;
    private final NodeConfig config;
    private final Clock clock;
    private final Audit audit;

    RatingService(EntityManager em, Redemptions redemptions, Outbox outbox, NodeConfig config, Clock clock, Audit audit) {
        this.em = em;
        this.redemptions = redemptions;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    public Rating rate(String enterpriseUscc, UUID redemptionId, int score, String comment) {
        Redemption r = redemptions.lock(redemptionId);
        if (!r.enterpriseUscc.equals(enterpriseUscc)) {
            throw ProblemException.notFound("redemption", redemptionId);
        }
        if (r.status() != RedemptionStatus.PAID) {
            throw ProblemException.conflict("rating-before-payment", redemptionId, r.status());
        }
        // the redemption's row lock serialises two ratings of it: the second finds the first
        if (em.find(Rating.class, redemptionId) != null) {
            throw ProblemException.conflict("already-rated", redemptionId);
        }
        Rating rating = new Rating();
        rating.redemptionId = redemptionId;
        rating.enterpriseUscc = enterpriseUscc;
        rating.providerUscc = r.providerUscc;
        rating.score = (short) score;
        rating.comment = comment == null || comment.isBlank() ? null : comment.strip();
        rating.ratedAt = OffsetDateTime.now(clock);
        em.persist(rating);
        audit.record("redemption.rated", redemptionId, String.valueOf(score), null, rating.comment);
        outbox.publish(Topics.USAGE, redemptionId.toString(), EventTypes.RATING_GIVEN,
                new Payloads.RatingGiven(config.province().name(), redemptionId.toString(), r.providerUscc,
                        r.providerProvince, score, rating.ratedAt.toInstant()));
        return rating;
    }

    /** The rating of a redemption of this enterprise, or 404. */
    public Rating of(String enterpriseUscc, UUID redemptionId) {
        Rating rating = em.find(Rating.class, redemptionId);
        if (rating == null || !rating.enterpriseUscc.equals(enterpriseUscc)) {
            throw ProblemException.notFound("rating", redemptionId);
        }
        return rating;
    }
}
