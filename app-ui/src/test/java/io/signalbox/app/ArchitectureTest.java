package io.signalbox.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of the brief: proxy and store know nothing of JavaFX or of each other. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.signalbox");
    }

    @Test
    void theProxyDoesNotUseJavaFxOrTheStore() {
        noClasses()
                .that()
                .resideInAPackage("io.signalbox.proxy..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "io.signalbox.persistence..", "io.signalbox.app..")
                .check(classes);
    }

    @Test
    void theStoreDoesNotUseJavaFxOrTheProxy() {
        noClasses()
                .that()
                .resideInAPackage("io.signalbox.persistence..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "io.signalbox.proxy..", "io.signalbox.app..")
                .check(classes);
    }

    @Test
    void viewModelsDoNotTouchControls() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("ViewModel")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("javafx.scene..")
                .check(classes);
    }

    @Test
    void theLauncherAndRuntimeDoNotNeedJavaFx() {
        noClasses()
                .that()
                .resideInAnyPackage("io.signalbox.app.launch..", "io.signalbox.app.runtime..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("javafx..")
                .check(classes);
    }
}
