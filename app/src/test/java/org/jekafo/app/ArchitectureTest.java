package org.jekafo.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries, checked on the compiled classes of every module on the classpath: the shared API
 * stands alone, and the command and query sides never see each other nor the application.
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
}
