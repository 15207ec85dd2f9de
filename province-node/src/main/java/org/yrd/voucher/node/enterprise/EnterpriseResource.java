package org.yrd.voucher.node.enterprise;

import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.edge.ProblemException;
import org.yrd.voucher.node.common.UsccParam;
import org.yrd.voucher.policy.RecipientType;

/** P1: enterprises (and, where a province admits them, startup teams) register with their node. */
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api/v1")
public class EnterpriseResource {
    private final Clock clock;
    private final NodeConfig config;

    EnterpriseResource(Clock clock, NodeConfig config) {
        this.clock = clock;
        this.config = config;
    }

    public record Registration(
            @NotBlank @Size(max = 18) String uscc,
            @NotBlank @Size(max = 200) String name,
            @NotNull RecipientType recipientType,
            @Size(max = 64) String smeRegistrationNo,
            @Min(2000) @Max(2100) Integer smeRegistrationYear,
            @NotNull @Pattern(regexp = "\\d{6}", message = "a 6-digit GB/T 2260 city or district code") String districtCode) {}

    public record EnterpriseView(String uscc, String name, RecipientType recipientType, String smeRegistrationNo,
                                 Integer smeRegistrationYear, String districtCode, OffsetDateTime registeredAt) {
        static EnterpriseView of(Enterprise e) {
            return new EnterpriseView(e.uscc, e.name, e.recipientType, e.smeRegistrationNo, e.smeRegistrationYear,
                    e.districtCode, e.registeredAt);
        }
    }

    @POST
    @Path("/enterprises")
    @Transactional
    public Response register(@NotNull @Valid Registration r) {
        UsccParam.require("uscc", r.uscc());
        if (r.recipientType() == RecipientType.TECH_SME
                && (r.smeRegistrationNo() == null || r.smeRegistrationNo().isBlank() || r.smeRegistrationYear() == null)) {
            throw ProblemException.invalid("smeRegistrationNo", "sme-registration-required");
        }
        if (!config.province().contains(r.districtCode())) {
            throw ProblemException.invalid("districtCode", "district-outside-province", config.province().nameZh(),
                    config.province().divisionCode());
        }
        if (Enterprise.findById(r.uscc()) != null) {
            throw ProblemException.conflict("enterprise-already-registered", r.uscc());
        }
        Enterprise e = new Enterprise();
        e.uscc = r.uscc();
        e.name = r.name();
        e.recipientType = r.recipientType();
        e.smeRegistrationNo = r.smeRegistrationNo();
        e.smeRegistrationYear = r.smeRegistrationYear();
        e.districtCode = r.districtCode();
        e.registeredAt = OffsetDateTime.now(clock);
        e.persist();
        return Response.status(201).entity(EnterpriseView.of(e)).build();
    }

    @GET
    @Path("/enterprises/{uscc}")
    public EnterpriseView get(@PathParam("uscc") String uscc) {
        return EnterpriseView.of(require(uscc));
    }

    public static Enterprise require(String uscc) {
        Enterprise e = Enterprise.findById(UsccParam.require("uscc", uscc));
        if (e == null) {
            throw ProblemException.notFound("enterprise", uscc);
        }
        return e;
    }

}
