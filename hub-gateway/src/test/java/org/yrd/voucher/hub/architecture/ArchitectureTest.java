package org.yrd.voucher.hub.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.testkit.ArchitectureRules;

/** The house rules, on this app: thin resources, feature packages without cycles, a pure policy library. */
class ArchitectureTest {
    static final String BASE = "org.yrd.voucher.hub";
    static JavaClasses app;

    @BeforeAll
    static void importApp() {
        app = ArchitectureRules.app(BASE);
    }

    @Test
    void resourcesNeverQuery() {
        ArchitectureRules.THIN_RESOURCES.check(app);
    }

    @Test
    void resourcesOpenNoTransactions() {
        ArchitectureRules.NO_TRANSACTIONS_IN_RESOURCES.check(app);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        ArchitectureRules.featuresWithoutCycles(BASE).check(app);
    }

    @Test
    void thePolicyLibraryStaysPure() {
        ArchitectureRules.PURE_POLICY_LIBRARY.check(ArchitectureRules.policyLibrary());
    }
}
