package org.yrd.voucher.hub.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.yrd.voucher.events.CloudEvent;
import org.yrd.voucher.events.EventCheck;
import org.yrd.voucher.events.EventTypes;
import org.yrd.voucher.events.Payloads;
import org.yrd.voucher.events.Topics;
import org.yrd.voucher.federation.EventRefused;
import org.yrd.voucher.federation.Outbox;
import org.yrd.voucher.hub.common.HubConfig;
import org.yrd.voucher.hub.common.Provenance;
import org.yrd.voucher.edge.TimeSource;
import org.yrd.voucher.policy.Categories;
import org.yrd.voucher.policy.Listing;
import org.yrd.voucher.policy.ProviderStandard;
import org.yrd.voucher.policy.Refusal;

/** Mutual recognition (P5, P8, P14): the home province admits; the hub applies the YRD standard. */
@ApplicationScoped
public class Recognition {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;
    private final Clock clock;
    private final Outbox outbox;
    private final HubConfig config;

    Recognition(EntityManager em, Clock clock, Outbox outbox, HubConfig config) {
        this.em = em;
        this.clock = clock;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void admissionChanged(CloudEvent e, Payloads.ProviderAdmission a) {
        Provenance.require(e, a.province(), "the admission of provider " + a.uscc());
        HubProvider p = HubProvider.findById(a.uscc());
        if (p != null && !p.homeProvince.equals(a.province())) {
            throw new EventRefused(EventCheck.Reason.PROVENANCE,
                    "provider " + a.uscc() + " is admitted in " + p.homeProvince + ", not " + a.province());
        }
        if (p == null) {
            p = new HubProvider();
            p.uscc = a.uscc();
            p.homeProvince = a.province();
            p.recognisedCategoryList = "";
        }
        p.name = a.name();
        p.status = a.status();
        p.categoryList = Categories.join(a.categories());
        try {
            p.qualifications = JSON.writeValueAsString(a.qualifications());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        decide(p);
        p.persist();
    }

    /** Applies the YRD standard (voucher-policy {@link ProviderStandard}) and publishes the outcome to the registry. */
    public void decide(HubProvider p) {
        Set<String> held = new LinkedHashSet<>();
        qualifications(p).forEach(q -> held.add(q.kind()));
        ProviderStandard.Decision d = ProviderStandard.recognise(
                new ProviderStandard.Provider(p.status, listed(p.uscc), p.categories(), held),
                config.recognition().requiredQualifications());
        p.recognised = d.recognised();
        p.recognisedCategoryList = Categories.join(d.categories());
        p.reason = explanation(d);
        p.updatedAt = OffsetDateTime.now(clock);
        if (!d.recognised()) {
            // P8: the library holds recognised providers only (a sanction, P13, ends membership at once)
            p.quality = false;
            p.qualitySince = null;
        }
        publish(p);
    }

    /** The decision as the registry record's reason, which every node shows as it is. */
    static String explanation(ProviderStandard.Decision d) {
        if (d.shortfalls().isEmpty()) {
            return "meets the YRD recognition standard";
        }
        List<String> parts = new ArrayList<>();
        for (Refusal r : d.shortfalls()) {
            parts.add(switch (ProviderStandard.Shortfall.valueOf(r.code())) {
                case NOT_IN_GOOD_STANDING -> "not in good standing at home (" + r.args().get(0) + ")";
                case LISTED -> "on the YRD negative list (P13)";
                case QUALIFICATION_MISSING -> r.args().get(0) + " needs one of " + r.args().get(1);
                case NO_CATEGORY -> "no category meets the standard";
            });
        }
        return String.join("; ", parts);
    }

    /** The provider's record, as every node keeps it, to the compacted registry topic. */
    void publish(HubProvider p) {
        outbox.publishState(Topics.PROVIDER_REGISTRY, p.uscc,
                p.recognised ? EventTypes.PROVIDER_RECOGNISED : EventTypes.PROVIDER_WITHDRAWN,
                new Payloads.RecognitionRecord(p.uscc, p.name, p.homeProvince, p.recognised, p.recognisedCategories(),
                        qualifications(p), p.reason, p.quality));
    }

    /** P13: on the YRD list today ({@link Listing#inForce}): an entry binds from its first day to its last. */
    private boolean listed(String uscc) {
        LocalDate today = TimeSource.today(clock);
        @SuppressWarnings("unchecked")
        List<Object[]> entries = em.createNativeQuery(
                        "SELECT starts_on, ends_on FROM credit_entry WHERE party_uscc = ?1 AND NOT ended")
                .setParameter(1, uscc).getResultList();
        return entries.stream()
                .anyMatch(e -> Listing.inForce(TimeSource.date(e[0]), TimeSource.date(e[1]), false, today));
    }

    static List<Payloads.Qualification> qualifications(HubProvider p) {
        try {
            return JSON.readValue(p.qualifications, new TypeReference<List<Payloads.Qualification>>() {});
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
