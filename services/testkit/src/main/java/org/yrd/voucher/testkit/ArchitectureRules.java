package org.yrd.voucher.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.ws.rs.Path;
import java.util.Set;

/** The house rules node and hub are both held to (ARCHITECTURE §5), checked by each app's ArchitectureTest. */
public final class ArchitectureRules {
    private ArchitectureRules() {}

    /** An app's own classes, tests left out. */
    public static JavaClasses app(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** A Panache query or write on an entity class ({@code Provider.findById(…)}, {@code p.persist()} …). */
    private static final DescribedPredicate<JavaMethodCall> PANACHE_QUERY = new DescribedPredicate<>("a Panache query") {
        @Override
        public boolean test(JavaMethodCall call) {
            return call.getTargetOwner().isAssignableTo(PanacheEntityBase.class)
                    && Set.of("find", "findById", "findAll", "list", "listAll", "stream", "count", "persist",
                    "delete", "deleteAll", "update").contains(call.getName());
        }
    };

    /** A resource parses, authorises, calls and maps; it never queries. */
    public static final ArchRule THIN_RESOURCES = noClasses().that().areAnnotatedWith(Path.class)
            .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.hibernate..")
            .orShould().callMethodWhere(PANACHE_QUERY)
            .because("queries live with their feature's repository or read model, not in the resource");

    /** The service owns the transaction. */
    public static final ArchRule NO_TRANSACTIONS_IN_RESOURCES = noClasses().that().areAnnotatedWith(Path.class)
            .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.Transactional");

    /** Feature packages below {@code basePackage} depend on each other without cycles. */
    public static ArchRule featuresWithoutCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles();
    }

    /** Everything that decides money stays framework-free (checked on the library as the apps use it). */
    public static final ArchRule PURE_POLICY_LIBRARY = classes().that().resideInAPackage("org.yrd.voucher.policy..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yrd.voucher.policy..", "java..");

    public static JavaClasses policyLibrary() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.yrd.voucher.policy");
    }
}
