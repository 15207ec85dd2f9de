package org.yrd.voucher.hub.architecture;

import org.yrd.voucher.testkit.ApiContract;

/** Runs after every other test of this app (its own surefire execution): the API document tells the truth. */
class ApiContractCheck extends ApiContract.Check {
    ApiContractCheck() {
        super(10);
    }
}
