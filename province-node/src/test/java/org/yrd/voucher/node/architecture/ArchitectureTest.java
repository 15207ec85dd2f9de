package org.yrd.voucher.node.architecture;

import org.yrd.voucher.testkit.ArchitectureContract;

/** The house rules, on this app. */
class ArchitectureTest extends ArchitectureContract {
    ArchitectureTest() {
        super("org.yrd.voucher.node");
    }
}
