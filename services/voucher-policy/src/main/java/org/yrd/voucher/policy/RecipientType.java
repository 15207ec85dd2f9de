package org.yrd.voucher.policy;

/** P1: tech SMEs are the main recipients; a province may also serve startup teams. */
public enum RecipientType {
    TECH_SME,
    STARTUP_TEAM
}
