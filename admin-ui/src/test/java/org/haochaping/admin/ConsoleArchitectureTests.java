package org.haochaping.admin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;

/** The console is a client of the features' public APIs, organised by the same feature names. */
class ConsoleArchitectureTests {

    static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.haochaping.admin");

    @Test
    void views_live_in_a_features_ui_package() {
        classes().that().areAnnotatedWith(Route.class).should().resideInAPackage("org.haochaping.admin.*.ui..")
                .check(CONSOLE);
    }

    @Test
    void the_console_does_not_use_the_rest_layer_or_its_dtos() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.haochaping.*.web..", "org.haochaping.api..")
                .check(CONSOLE);
    }

    @Test
    void the_console_does_not_touch_mongodb_directly() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.data.mongodb..", "com.mongodb..")
                .check(CONSOLE);
    }
}
