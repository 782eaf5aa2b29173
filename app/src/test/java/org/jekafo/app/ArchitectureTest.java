package org.jekafo.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.spring.stereotype.Aggregate;
import org.jekafo.app.platform.FeatureApi;
import org.jekafo.query.elasticsearch.ProjectionIndex;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries, checked on the compiled classes of every module on the classpath: the shared API
 * stands alone, and the command and query sides never see each other nor the application. Inside the
 * application, one package per feature ({@code org.jekafo.app.<feature>}) and the shared plumbing
 * ({@code org.jekafo.app.platform}): the plumbing knows no feature, a feature uses another only through the
 * class it marks {@link FeatureApi}, and every message goes through the gate.
 *
 * <p>Plain ArchUnit: it reads class files and needs no Spring context, so it does not extend
 * {@link IntegrationTest}.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.jekafo");
    }

    @Test
    void apiDependsOnNothingOfOursOutsideTheApi() {
        noClasses().that().resideInAPackage("org.jekafo.api..")
                .should().dependOnClassesThat(resideInAPackage("org.jekafo..")
                        .and(resideOutsideOfPackage("org.jekafo.api..")))
                .check(classes);
    }

    @Test
    void apiDependsOnNothingOfSpring() {
        noClasses().that().resideInAPackage("org.jekafo.api..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void commandSideNeverSeesTheQuerySideNorTheApplication() {
        noClasses().that().resideInAPackage("org.jekafo.command..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jekafo.query..", "org.jekafo.app..")
                .check(classes);
    }

    @Test
    void querySideNeverSeesTheCommandSideNorTheApplication() {
        noClasses().that().resideInAPackage("org.jekafo.query..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jekafo.command..", "org.jekafo.app..")
                .check(classes);
    }

    /**
     * A query asks for {@code instanceOf} its handler's one typed result (see {@code QueryHandlerContractTest}): through
     * Axon Server a list's elements arrive as maps, which {@code multipleInstancesOf} refuses, and a missing answer
     * is a null {@code instanceOf} answer rather than an Optional.
     */
    @Test
    void queriesAskForOneTypedResult() {
        noClasses().should().callMethod(ResponseTypes.class, "multipleInstancesOf", Class.class)
                .orShould().callMethod(ResponseTypes.class, "optionalInstanceOf", Class.class)
                .because("a serialized answer carries its class name only: ask for instanceOf a record")
                .check(classes);
    }

    private static final String APP = "org.jekafo.app.";
    private static final String PLATFORM = "org.jekafo.app.platform";

    @Test
    void thePlatformKnowsNoFeature() {
        noClasses().that().resideInAPackage(PLATFORM + "..")
                .should().dependOnClassesThat(resideInAPackage("org.jekafo.app..")
                        .and(resideOutsideOfPackage(PLATFORM + ".."))
                        .and(resideOutsideOfPackage("org.jekafo.app")))
                .check(classes);
    }

    /** Features are found from the packages themselves: a new folder is covered without editing this test. */
    @Test
    void aFeatureUsesAnotherOnlyThroughTheClassItMarksAsItsApi() {
        noClasses().that().resideInAPackage("org.jekafo.app..")
                .should(new ArchCondition<>("depend on another feature's internals") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String own = feature(origin);
                        if (own == null) {
                            return;
                        }
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            String other = feature(target);
                            if (other != null && !other.equals(own) && !target.isAnnotatedWith(FeatureApi.class)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .check(classes);
    }

    @Test
    void featuresSendThroughTheGateNeverStraightToABus() {
        noClasses().that().resideInAPackage("org.jekafo.app..").and().resideOutsideOfPackage(PLATFORM + "..")
                .should().dependOnClassesThat().areAssignableTo(CommandBus.class)
                .orShould().dependOnClassesThat().areAssignableTo(QueryBus.class)
                .orShould().dependOnClassesThat().areAssignableTo(CommandGateway.class)
                .because("commands leave through CommandSender (who sends, through which channel); the buses are the gate's")
                .check(classes);
    }

    /**
     * The query side's public face is its query API (core-api queries) and its projection maintenance
     * ({@code org.jekafo.query.elasticsearch}, the indexes' handles); projections, documents and query handlers
     * are its own.
     */
    @Test
    void theApplicationReachesTheQuerySideOnlyThroughItsPublicApi() {
        noClasses().that().resideInAPackage("org.jekafo.app..")
                .should().dependOnClassesThat(resideInAPackage("org.jekafo.query..")
                        .and(resideOutsideOfPackage("org.jekafo.query.elasticsearch.."))
                        .and(DescribedPredicate.not(assignableTo(ProjectionIndex.class))))
                .check(classes);
    }

    @Test
    void theApplicationNeverTouchesAnAggregate() {
        noClasses().that().resideInAPackage("org.jekafo.app..")
                .should().dependOnClassesThat().areAnnotatedWith(Aggregate.class)
                .because("aggregates are reached through commands only")
                .check(classes);
    }

    /** The feature a class of the application belongs to, or null for the plumbing and the application's root. */
    private static String feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(APP) || name.startsWith(PLATFORM)) {
            return null;
        }
        int end = name.indexOf('.', APP.length());
        return end < 0 ? name.substring(APP.length()) : name.substring(APP.length(), end);
    }
}
