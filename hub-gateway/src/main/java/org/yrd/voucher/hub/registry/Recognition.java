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

    /** Applies the standard and publishes the outcome to the compacted registry topic. */
    public void decide(HubProvider p) {
        List<String> reasons = new ArrayList<>();
        if (!"ADMITTED".equals(p.status)) {
            reasons.add("not in good standing at home (" + p.status + ")");
        }
        boolean listed = listed(p.uscc);
        if (listed) {
            reasons.add("on the YRD negative list (P13)");
        }
        Set<String> held = new LinkedHashSet<>();
        qualifications(p).forEach(q -> held.add(q.kind()));
        Set<String> recognisedCategories = new LinkedHashSet<>();
        for (String c : p.categories()) {
            List<String> required = config.recognition().requiredQualifications().get(c);
            if (required == null || required.stream().anyMatch(held::contains)) {
                recognisedCategories.add(c);
            } else {
                reasons.add(c + " needs one of " + required);
            }
        }
        if (recognisedCategories.isEmpty()) {
            reasons.add("no category meets the standard");
        }
        boolean recognised = "ADMITTED".equals(p.status) && !listed && !recognisedCategories.isEmpty();
        p.recognised = recognised;
        p.recognisedCategoryList = recognised ? Categories.join(recognisedCategories) : "";
        p.reason = reasons.isEmpty() ? "meets the YRD recognition standard" : String.join("; ", reasons);
        p.updatedAt = OffsetDateTime.now(clock);
        if (!recognised) {
            // P8: the library holds recognised providers only (a sanction, P13, ends membership at once)
            p.quality = false;
            p.qualitySince = null;
        }
        publish(p);
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
