package org.yrd.voucher.node.policy;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.yrd.voucher.edge.IdParam;
import org.yrd.voucher.edge.ProblemResponses;
import org.yrd.voucher.edge.Roles;
import org.yrd.voucher.node.common.NodeConfig;
import org.yrd.voucher.policy.VoucherPolicy;

@Path("/api/v1")
public class PolicyResource {
    private final PolicyService policies;
    private final PolicyDrafts drafts;
    private final NodeConfig config;

    PolicyResource(PolicyService policies, PolicyDrafts drafts, NodeConfig config) {
        this.policies = policies;
        this.drafts = drafts;
        this.config = config;
    }

    public record PolicyView(String province, int version, LocalDate effectiveFrom, PolicyDocument policy,
                             java.util.Set<String> categories) {
        static PolicyView of(String province, PolicyService.PolicyVersion v) {
            VoucherPolicy p = v.policy();
            return new PolicyView(province, v.version(), v.effectiveFrom(), PolicyDocument.of(p), p.categories());
        }
    }

    /** Public (P12): the policy in force, with the full category list. */
    @PermitAll
    @GET
    @Path("/public/policy")
    public PolicyView current() {
        return PolicyView.of(config.province().name(), policies.current());
    }

    @RolesAllowed({Roles.OPERATOR, Roles.FINANCE})
    @GET
    @Path("/operator/policy/versions")
    public List<PolicyView> versions() {
        return policies.versions().stream().map(v -> PolicyView.of(config.province().name(), v)).toList();
    }

    /** A new version (budget, caps, ratio, mode …), in force once a second operator confirms it. */
    public record DraftRequest(@NotNull LocalDate effectiveFrom, @NotNull @Valid PolicyDocument policy,
                               @jakarta.validation.constraints.Size(max = 500) String note) {}

    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/operator/policy/drafts")
    @Extension(name = ProblemResponses.ANSWERS, value = "201,422")
    public Response draft(@NotNull @Valid DraftRequest request) {
        return Response.status(201).entity(drafts.draft(request.policy(), request.effectiveFrom(), request.note()))
                .build();
    }

    /** Drafts and their confirmations, newest first: who drafted, who confirmed, which version it became. */
    @RolesAllowed(Roles.OPERATOR)
    @GET
    @Path("/operator/policy/drafts")
    public List<PolicyDrafts.Draft> drafts() {
        return drafts.drafts(null);
    }

    /** A second operator confirms a draft: it becomes the next version (403 for the operator who drafted it). */
    @RolesAllowed(Roles.OPERATOR)
    @POST
    @Path("/operator/policy/drafts/{id}/confirm")
    @Extension(name = ProblemResponses.ANSWERS, value = "409,422")
    public PolicyDrafts.Draft confirm(@PathParam("id") String id) {
        return drafts.confirm(IdParam.uuid("id", id));
    }
}
