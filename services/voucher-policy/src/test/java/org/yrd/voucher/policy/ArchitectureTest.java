package org.yrd.voucher.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void policyLibraryStaysFreeOfFrameworks() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.yrd.voucher.policy");
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta.persistence..", "jakarta.ws.rs..", "jakarta.enterprise..",
                        "org.hibernate..", "io.smallrye..", "com.fasterxml..")
                .check(classes);
    }
}
