package org.yrd.voucher.hub.architecture;

import org.yrd.voucher.testkit.ArchitectureContract;

/** The house rules, on this app. */
class ArchitectureTest extends ArchitectureContract {
    ArchitectureTest() {
        super("org.yrd.voucher.hub");
    }
}
