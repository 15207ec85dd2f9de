package org.yrd.voucher.hub.credit;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** P13 public disclosure: the YRD negative list, every province's sanctions that every node enforces. */
@Path("/api/v1/public/negative-list")
public class NegativeListResource {
    private final JointPunishment jointPunishment;

    NegativeListResource(JointPunishment jointPunishment) {
        this.jointPunishment = jointPunishment;
    }

    /** The open entries, newest first, each with the province that listed the party and its dates. */
    @PermitAll
    @GET
    public List<JointPunishment.PublicEntry> open() {
        return jointPunishment.open();
    }
}
