package org.yrd.voucher.testkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/**
 * The house rules as a test an app inherits, naming its base package: thin resources, no transactions in
 * resources, feature packages without cycles, one intake for every record, a pure policy library
 * ({@link ArchitectureRules}).
 */
public abstract class ArchitectureContract {
    private final String base;
    private JavaClasses app;

    protected ArchitectureContract(String basePackage) {
        this.base = basePackage;
    }

    private JavaClasses app() {
        if (app == null) {
            app = ArchitectureRules.app(base);
        }
        return app;
    }

    @Test
    void resourcesNeverQuery() {
        ArchitectureRules.THIN_RESOURCES.check(app());
    }

    @Test
    void resourcesOpenNoTransactions() {
        ArchitectureRules.NO_TRANSACTIONS_IN_RESOURCES.check(app());
    }

    @Test
    void featurePackagesHaveNoCycles() {
        ArchitectureRules.featuresWithoutCycles(base).check(app());
    }

    @Test
    void everyRecordPassesTheOneIntake() {
        ArchitectureRules.ONE_INTAKE.check(app());
        ArchitectureRules.NO_OWN_RECORD_READING.check(app());
    }

    @Test
    void thePolicyLibraryStaysPure() {
        ArchitectureRules.PURE_POLICY_LIBRARY.check(ArchitectureRules.policyLibrary());
    }
}
