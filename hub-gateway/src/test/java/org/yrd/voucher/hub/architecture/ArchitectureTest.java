package org.yrd.voucher.hub.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.Test;
import org.yrd.voucher.testkit.ArchitectureContract;
import org.yrd.voucher.testkit.ArchitectureRules;

/** The house rules, on this app, and the hub's own boundaries. */
class ArchitectureTest extends ArchitectureContract {
    private static final String HUB = "org.yrd.voucher.hub";

    ArchitectureTest() {
        super(HUB);
    }

    /**
     * Statistics is a read model: it stores the usage stream in its own tables and answers from them, and drives no
     * other feature. What an event means to routing, risk, the registry, publicity or the witness, each feature takes
     * from the stream itself (HubConsumers subscribes them).
     */
    @Test
    void statisticsDrivesNoOtherFeature() {
        String[] others = {HUB + ".routing..", HUB + ".risk..", HUB + ".registry..", HUB + ".publicity..",
                HUB + ".witness..", HUB + ".credit.."};
        DescribedPredicate<JavaFieldAccess> writesAnotherFeaturesEntity =
                new DescribedPredicate<>("writes a field of another feature's entity") {
                    @Override
                    public boolean test(JavaFieldAccess access) {
                        return access.getAccessType() == JavaFieldAccess.AccessType.SET
                                && resideInAnyPackage(others).test(access.getTargetOwner());
                    }
                };
        noClasses().that().resideInAPackage(HUB + ".statistics..")
                .should().dependOnClassesThat(resideInAnyPackage(others).and(annotatedWith(ApplicationScoped.class)))
                .orShould().accessFieldWhere(writesAnotherFeaturesEntity)
                .because("a read model reads other features' tables and entities but drives no writes into them")
                .check(ArchitectureRules.app(HUB));
    }
}
