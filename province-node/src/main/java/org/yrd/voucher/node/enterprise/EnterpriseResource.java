package org.yrd.voucher.node.enterprise;

import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.edge.UsccParam;
import org.yrd.voucher.node.common.Contact;
import org.yrd.voucher.node.common.Scope;
import org.yrd.voucher.policy.RecipientType;

/** P1: enterprises (and, where a province admits them, startup teams) register with their node. */
@Path("/api/v1")
public class EnterpriseResource {
    private final Enterprises enterprises;

    private final Scope scope;

    EnterpriseResource(Enterprises enterprises, Scope scope) {
        this.enterprises = enterprises;
        this.scope = scope;
    }

    @Schema(example = "{\"uscc\":\"91310115DEM000001E\",\"name\":\"上海市示范智能装备有限公司\",\"recipientType\":\"TECH_SME\",\"smeRegistrationNo\":\"2025310115000123\",\"smeRegistrationYear\":2025,\"districtCode\":\"310115\"}")
    public record Registration(
            @NotBlank @Size(max = 18) String uscc,
            @NotBlank @Size(max = 200) String name,
            @NotNull RecipientType recipientType,
            @Size(max = 64) String smeRegistrationNo,
            @Min(2000) @Max(2100) Integer smeRegistrationYear,
            @NotNull @Pattern(regexp = "\\d{6}", message = "a 6-digit GB/T 2260 city or district code") String districtCode,
            @Size(max = 100) String legalRepresentative,
            @Size(max = 32) String contactPhone,
            @Size(max = 300) String address,
            @Size(max = 18) String parentUscc) {}

    public record EnterpriseView(String uscc, String name, RecipientType recipientType, String smeRegistrationNo,
                                 Integer smeRegistrationYear, String districtCode, OffsetDateTime registeredAt,
                                 String legalRepresentative, String contactPhone, String address, String parentUscc) {
        static EnterpriseView of(Enterprise e) {
            return new EnterpriseView(e.uscc, e.name, e.recipientType, e.smeRegistrationNo, e.smeRegistrationYear,
                    e.districtCode, e.registeredAt, e.contact().legalRepresentative, e.contact().contactPhone,
                    e.contact().address, e.parentUscc);
        }
    }

    @RolesAllowed(Roles.ENTERPRISE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/enterprises")
    @Extension(name = ProblemResponses.ANSWERS, value = "201,409")
    public Response register(@NotNull @Valid Registration r) {
        UsccParam.require("uscc", r.uscc());
        if (r.parentUscc() != null) {
            UsccParam.require("parentUscc", r.parentUscc());
        }
        scope.requireOwn(r.uscc()); // an enterprise registers itself, no other
        Enterprise e = enterprises.register(new Enterprises.Registration(r.uscc(), r.name(), r.recipientType(),
                r.smeRegistrationNo(), r.smeRegistrationYear(), r.districtCode(),
                Contact.of(r.legalRepresentative(), r.contactPhone(), r.address()), r.parentUscc()));
        return Response.status(201).entity(EnterpriseView.of(e)).build();
    }

    @RolesAllowed({Roles.ENTERPRISE, Roles.OPERATOR, Roles.AGENT})
    @GET
    @Path("/enterprises/{uscc}")
    public EnterpriseView get(@PathParam("uscc") String uscc) {
        return EnterpriseView.of(enterprises.require(uscc));
    }
}
