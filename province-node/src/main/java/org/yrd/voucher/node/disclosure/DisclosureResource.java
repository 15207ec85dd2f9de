package org.yrd.voucher.node.disclosure;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.yrd.voucher.node.provider.YrdRegistry;

/** P13 public disclosure, no login: admitted providers and voucher recipients. */
@Path("/api/v1")
public class DisclosureResource {
    private final Disclosure disclosure;
    private final YrdRegistry registry;

    DisclosureResource(Disclosure disclosure, YrdRegistry registry) {
        this.disclosure = disclosure;
        this.registry = registry;
    }

    @PermitAll
    @GET
    @Path("/public/providers")
    public List<Disclosure.AdmittedProvider> providers() {
        return disclosure.admittedProviders();
    }

    /** Providers of the other provinces recognised YRD-wide, as this node's replica of the hub registry holds them. */
    @PermitAll
    @GET
    @Path("/public/yrd-providers")
    public List<YrdRegistry.Recognised> yrdProviders() {
        return registry.recognised();
    }

    @PermitAll
    @GET
    @Path("/public/recipients")
    public List<Disclosure.Recipient> recipients() {
        return disclosure.recipients();
    }
}
