package org.yrd.voucher.policy;

/**
 * The budget split by where its money is: budget = unissued + outstanding + held + redeemed + expired.
 * Every figure in fen.
 */
public record LedgerBalance(long budgetFen, long issuedFen, long outstandingFen, long heldFen,
                            long redeemedFen, long expiredFen) {

    public long unissuedFen() {
        return budgetFen - issuedFen;
    }

    /** Whether the issued money is fully accounted for and nothing was issued beyond the budget. */
    public boolean reconciles() {
        return unissuedFen() >= 0
                && outstandingFen >= 0 && heldFen >= 0 && redeemedFen >= 0 && expiredFen >= 0
                && issuedFen == outstandingFen + heldFen + redeemedFen + expiredFen;
    }
}
