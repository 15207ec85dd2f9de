package org.yrd.voucher.node.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.yrd.voucher.policy.RiskRules.Trait;

/**
 * Who stands behind a party, as it registered: compared between an enterprise and its provider to find related
 * parties (P13 risk prevention). All optional; what a party left empty matches nothing.
 */
@Embeddable
public class Contact {
    @Column(name = "legal_representative")
    public String legalRepresentative;
    @Column(name = "contact_phone")
    public String contactPhone;
    public String address;

    public static Contact of(String legalRepresentative, String contactPhone, String address) {
        Contact c = new Contact();
        c.legalRepresentative = blankToNull(legalRepresentative);
        c.contactPhone = blankToNull(contactPhone);
        c.address = blankToNull(address);
        return c;
    }

    /** P13 related parties: what the two share, compared without spaces, punctuation or case. */
    public Set<Trait> sharedWith(Contact other) {
        Set<Trait> shared = EnumSet.noneOf(Trait.class);
        if (other == null) {
            return shared;
        }
        if (same(legalRepresentative, other.legalRepresentative)) {
            shared.add(Trait.LEGAL_REPRESENTATIVE);
        }
        if (same(digits(contactPhone), digits(other.contactPhone))) {
            shared.add(Trait.CONTACT_PHONE);
        }
        if (same(address, other.address)) {
            shared.add(Trait.ADDRESS);
        }
        return shared;
    }

    private static boolean same(String a, String b) {
        String x = normal(a);
        return x != null && !x.isEmpty() && x.equals(normal(b));
    }

    private static String normal(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\\p{P}]", "")
                .toLowerCase(Locale.ROOT);
    }

    /** A phone number by its digits, without the country code 86. */
    private static String digits(String phone) {
        if (phone == null) {
            return null;
        }
        String d = phone.replaceAll("\\D", "");
        return d.startsWith("86") && d.length() > 11 ? d.substring(2) : d;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
