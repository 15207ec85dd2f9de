package org.yrd.voucher.node.common;

import java.time.LocalDate;

/** P9: what a service point may do for an enterprise, as the enterprise authorised it (the agent feature keeps them). */
public interface AgentMandates {
    /** READ: see the enterprise's applications, vouchers and redemptions; APPLY and FILE: act. */
    enum Act { READ, APPLY, FILE }

    boolean allows(String enterpriseUscc, String agentUscc, Act act, LocalDate day);
}
