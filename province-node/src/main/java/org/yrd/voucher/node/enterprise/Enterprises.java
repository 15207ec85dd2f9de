package org.yrd.voucher.node.enterprise;

import org.yrd.voucher.node.common.Contact;

import org.yrd.voucher.node.audit.Audit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.edge.UsccParam;
import org.yrd.voucher.policy.RecipientType;

/** The province's registered enterprises (P1): the one owner of the {@code enterprise} table. */
@ApplicationScoped
public class Enterprises {
    private final EntityManager em;
    private final Clock clock;
    private final NodeConfig config;

    private final Audit audit;

    Enterprises(EntityManager em, Clock clock, NodeConfig config, Audit audit) {
        this.audit = audit;
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    /** What an enterprise registers with; its code is already checked (GB 32100-2015). */
    public record Registration(String uscc, String name, RecipientType recipientType, String smeRegistrationNo,
                               Integer smeRegistrationYear, String districtCode, Contact contact, String parentUscc) {}

    @Transactional
    public Enterprise register(Registration r) {
        if (r.recipientType() == RecipientType.TECH_SME
                && (r.smeRegistrationNo() == null || r.smeRegistrationNo().isBlank() || r.smeRegistrationYear() == null)) {
            throw ProblemException.invalid("smeRegistrationNo", "sme-registration-required"); // P1
        }
        if (!config.province().contains(r.districtCode())) {
            throw ProblemException.invalid("districtCode", "district-outside-province", config.province().nameZh(),
                    config.province().divisionCode());
        }
        if (em.find(Enterprise.class, r.uscc()) != null) {
            throw ProblemException.conflict("enterprise-already-registered", r.uscc());
        }
        Enterprise e = new Enterprise();
        e.uscc = r.uscc();
        e.name = r.name();
        e.recipientType = r.recipientType();
        e.smeRegistrationNo = r.smeRegistrationNo();
        e.smeRegistrationYear = r.smeRegistrationYear();
        e.districtCode = r.districtCode();
        e.contact = r.contact() == null ? new Contact() : r.contact();
        e.parentUscc = r.parentUscc();
        e.registeredAt = OffsetDateTime.now(clock);
        em.persist(e);
        audit.record("enterprise.register", e.uscc, "registered", null, null);
        return e;
    }

    /** The enterprise, or a 404 problem; a malformed code is a 400 naming {@code uscc}. */
    public Enterprise require(String uscc) {
        Enterprise e = em.find(Enterprise.class, UsccParam.require("uscc", uscc));
        if (e == null) {
            throw ProblemException.notFound("enterprise", uscc);
        }
        return e;
    }

    /** The enterprise under its row lock: one enterprise's applications are decided one at a time. */
    public Enterprise lock(String uscc) {
        Enterprise e = em.find(Enterprise.class, UsccParam.require("uscc", uscc), LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound("enterprise", uscc);
        }
        return e;
    }

    public boolean any() {
        return em.createQuery("select count(e) from Enterprise e", Long.class).getSingleResult() > 0;
    }
}
