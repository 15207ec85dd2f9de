package org.yrd.voucher.node.ledger;

import java.util.UUID;

/**
 * One movement of a voucher's money, as a voucher's transition produces it: the ledger records it and, where
 * the hub must know (issue, expiry), publishes it, by one path ({@link Ledger#record}).
 *
 * @param redemptionId the redemption that caused it, or {@code null}
 */
public record Movement(LedgerEntry.Kind kind, long amountFen, UUID voucherId, String enterpriseUscc, int budgetYear,
                       UUID redemptionId, int policyVersion, String districtCode) {}
