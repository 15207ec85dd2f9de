package org.yrd.voucher.node.disclosure;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.yrd.voucher.node.provider.Provider;
import org.yrd.voucher.node.provider.ProviderStatus;

/** P13 public disclosure, no login: admitted providers and voucher recipients. */
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api/v1")
public class DisclosureResource {
    private final EntityManager em;

    DisclosureResource(EntityManager em) {
        this.em = em;
    }

    public record AdmittedProvider(String uscc, String name, Set<String> categories) {}

    public record Recipient(String uscc, String name, long issuedFen, long redeemedFen) {}

    @GET
    @Path("/public/providers")
    public List<AdmittedProvider> providers() {
        return Provider.<Provider>list("status = ?1 order by name", ProviderStatus.ADMITTED).stream()
                .map(p -> new AdmittedProvider(p.uscc, p.name, p.categories())).toList();
    }

    public record RecognisedProvider(String uscc, String name, String homeProvince, Set<String> categories) {}

    /** Providers of the other provinces recognised YRD-wide, as this node's replica of the hub registry holds them. */
    @GET
    @Path("/public/yrd-providers")
    @SuppressWarnings("unchecked")
    public List<RecognisedProvider> yrdProviders() {
        List<Object[]> rows = em.createNativeQuery(
                "SELECT uscc, name, home_province, categories FROM provider_registry WHERE recognised ORDER BY name")
                .getResultList();
        return rows.stream().map(r -> new RecognisedProvider((String) r[0], (String) r[1], (String) r[2],
                new java.util.LinkedHashSet<>(java.util.Arrays.asList(((String) r[3]).split(","))))).toList();
    }

    @GET
    @Path("/public/recipients")
    @SuppressWarnings("unchecked")
    public List<Recipient> recipients() {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT e.uscc, e.name, sum(v.face_value_fen), sum(v.redeemed_fen)
                FROM voucher v JOIN enterprise e ON e.uscc = v.enterprise_uscc
                GROUP BY e.uscc, e.name ORDER BY e.name""").getResultList();
        return rows.stream().map(r -> new Recipient((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue())).toList();
    }
}
