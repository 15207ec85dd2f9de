package org.yrd.voucher.policy;

/** One field that breaks a rule: the field's path and the rule, in plain words. */
public record Violation(String field, String message) {}
