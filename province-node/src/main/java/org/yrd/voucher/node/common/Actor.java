package org.yrd.voucher.node.common;

/**
 * Who did something, for history and audit. Until authentication lands every operator action is
 * recorded as {@code operator}; the security issue replaces this with the token's subject.
 */
public final class Actor {
    public static final String OPERATOR = "operator";

    private Actor() {}
}
