package org.haochaping;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Packages by feature, transport at the edge, and no feature reaching into another's insides. */
class ArchitectureTests {

    static final JavaClasses BACKEND = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.haochaping");

    @Test
    void features_do_not_depend_on_each_other_in_cycles() {
        slices().matching("org.haochaping.(*)..").should().beFreeOfCycles().check(BACKEND);
    }

    @Test
    void system_serves_the_features_and_knows_none_of_them() {
        noClasses().that().resideInAPackage("org.haochaping.system..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.haochaping.campaign..", "org.haochaping.rating..", "org.haochaping.satisfaction..",
                        "org.haochaping.badreview..", "org.haochaping.report..", "org.haochaping.identity..")
                .check(BACKEND);
    }

    @Test
    void controllers_live_in_a_web_package_and_are_not_public() {
        classes().that().areAnnotatedWith(RestController.class)
                .should().resideInAPackage("..web..")
                .andShould().notBePublic()
                .check(BACKEND);
    }

    @Test
    void nothing_outside_a_feature_uses_its_web_layer() {
        noClasses().that().resideOutsideOfPackages("..web..")
                .should().dependOnClassesThat().resideInAPackage("org.haochaping.*.web..")
                .check(BACKEND);
    }

    @Test
    void repositories_are_private_to_their_feature() {
        classes().that().areAssignableTo(Repository.class)
                .should().notBePublic()
                .check(BACKEND);
    }

    @Test
    void api_dtos_stay_in_the_web_layer() {
        noClasses().that().resideOutsideOfPackages("..web..", "org.haochaping.api..")
                .should().dependOnClassesThat().resideInAPackage("org.haochaping.api..")
                .check(BACKEND);
    }

    @Test
    void the_backend_does_not_know_the_console() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.haochaping.admin..").check(BACKEND);
    }
}
