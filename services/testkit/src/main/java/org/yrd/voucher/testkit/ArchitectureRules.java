package org.yrd.voucher.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.ws.rs.Path;
import java.util.Set;

/** The house rules node and hub are both held to (docs/architecture.md), checked by each app's ArchitectureTest. */
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

    /** Reading, checking or verifying a federation record, which only the intake in federation-runtime does. */
    private static final DescribedPredicate<JavaMethodCall> READS_A_RECORD = new DescribedPredicate<>("reads a record") {
        @Override
        public boolean test(JavaMethodCall call) {
            String owner = call.getTargetOwner().getFullName();
            return owner.equals("org.yrd.voucher.events.EventCodec") && Set.of("read", "data").contains(call.getName())
                    || owner.equals("org.yrd.voucher.events.EventCheck") && Set.of("envelope", "payload").contains(call.getName())
                    || owner.equals("org.yrd.voucher.events.EventSignatures") && call.getName().equals("verify");
        }
    };

    /**
     * Every record from Kafka passes the one intake (federation-runtime {@code Intake}): an app's consumer hands its
     * records to it, and no feature parses, checks or verifies a record itself; features receive typed, verified
     * events from their {@code Route}.
     */
    public static final ArchRule ONE_INTAKE = methods().that()
            .areAnnotatedWith("org.eclipse.microprofile.reactive.messaging.Incoming")
            .should(new ArchCondition<JavaMethod>("hand their records to the one intake (federation-runtime Intake)") {
                @Override
                public void check(JavaMethod m, ConditionEvents events) {
                    boolean hands = m.getMethodCallsFromSelf().stream()
                            .anyMatch(c -> c.getTargetOwner().getFullName().equals("org.yrd.voucher.federation.Intake"));
                    if (!hands) {
                        events.add(SimpleConditionEvent.violated(m, m.getFullName() + " does not hand its records to Intake"));
                    }
                }
            });

    public static final ArchRule NO_OWN_RECORD_READING = noClasses().should().callMethodWhere(READS_A_RECORD)
            .because("a record is parsed, checked and verified once, by the intake in federation-runtime");

    /** Everything that decides money stays framework-free (checked on the library as the apps use it). */
    public static final ArchRule PURE_POLICY_LIBRARY = classes().that().resideInAPackage("org.yrd.voucher.policy..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yrd.voucher.policy..", "java..");

    public static JavaClasses policyLibrary() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.yrd.voucher.policy");
    }
}
