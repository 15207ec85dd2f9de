package org.yrd.voucher.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Money is integer fen (1 yuan = 100 fen) in a {@code long}; never a floating-point number. */
public final class Money {
    /** 100 billion yuan: far above any programme budget, far below 2^53 so JSON clients stay exact. */
    public static final long MAX_FEN = 10_000_000_000_000L;

    private Money() {}

    public static long yuan(long yuan) {
        return Math.multiplyExact(yuan, 100L);
    }

    /**
     * The share of {@code amountFen} that {@code ratio} allows, rounded down to the fen:
     * rounding always favours the public purse (never the claimant).
     */
    public static long share(long amountFen, BigDecimal ratio) {
        if (amountFen < 0) {
            throw new IllegalArgumentException("amountFen must not be negative");
        }
        if (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("ratio must lie in [0, 1]");
        }
        return BigDecimal.valueOf(amountFen).multiply(ratio).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /** "12,345.67 元" style rendering for messages. */
    public static String format(long fen) {
        return String.format("%,d.%02d", fen / 100, Math.abs(fen % 100));
    }

    /** part / whole ≥ percent, in exact integers (never a rounded ratio). */
    public static boolean atLeastPercent(long part, long whole, int percent) {
        return BigInteger.valueOf(part).multiply(BigInteger.valueOf(100))
                .compareTo(BigInteger.valueOf(whole).multiply(BigInteger.valueOf(percent))) >= 0;
    }
}
