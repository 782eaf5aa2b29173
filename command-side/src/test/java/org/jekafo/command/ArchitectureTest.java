package org.jekafo.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The command side stays apart from the query side, and aggregates reach storage only through look-up interfaces.
 * ArchUnit fails a rule whose {@code that()} selects no class (failOnEmptyShould), so the aggregate rules cannot pass
 * vacuously.
 */
@AnalyzeClasses(packages = "org.jekafo.command", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideDoesNotDependOnTheQuerySide = noClasses()
            .that().resideInAPackage("org.jekafo.command..")
            .should().dependOnClassesThat().resideInAPackage("org.jekafo.query..");

    @ArchTest
    static final ArchRule aggregatesDoNotDependOnSpringJdbc = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..");

    /** The JDBC directories are used through their interfaces: nothing an aggregate uses reaches Spring JDBC. */
    @ArchTest
    static final ArchRule aggregatesDoNotReachSpringJdbcThroughOtherClasses = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().transitivelyDependOnClassesThat().resideInAPackage("org.springframework.jdbc..");
}
