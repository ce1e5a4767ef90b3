package org.bptt.grader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layering, read from the compiled classes: value ← exercise ← solver ← grading ← report ←
 * pipeline ← cli, with the loaders (yaml, load) at the edge, no cycles between packages, and a
 * pure core (value, exercise, solver, grading) that touches no files, no parsers, no templates and
 * no command line, so it can be used as a library and from many threads.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.bptt.grader");

  private static final String[] CORE = {"org.bptt.grader.value..", "org.bptt.grader.exercise..",
      "org.bptt.grader.solver..", "org.bptt.grader.grading.."};

  @Test
  void packagesFormLayers() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("value").definedBy("org.bptt.grader.value..")
        .layer("exercise").definedBy("org.bptt.grader.exercise..")
        .layer("solver").definedBy("org.bptt.grader.solver..")
        .layer("grading").definedBy("org.bptt.grader.grading..")
        .layer("present").definedBy("org.bptt.grader.present..")
        .layer("report").definedBy("org.bptt.grader.report..")
        .layer("yaml").definedBy("org.bptt.grader.yaml..")
        .layer("load").definedBy("org.bptt.grader.load..")
        .layer("pipeline").definedBy("org.bptt.grader.pipeline..")
        .layer("cli").definedBy("org.bptt.grader.cli..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("pipeline").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("report").mayOnlyBeAccessedByLayers("pipeline", "cli")
        .whereLayer("load").mayOnlyBeAccessedByLayers("pipeline", "cli")
        .whereLayer("yaml").mayOnlyBeAccessedByLayers("load", "pipeline")
        .whereLayer("present").mayOnlyBeAccessedByLayers("report", "cli")
        .whereLayer("grading").mayOnlyBeAccessedByLayers("load", "report", "pipeline", "cli")
        .whereLayer("solver").mayOnlyBeAccessedByLayers("grading", "load", "present", "report", "pipeline", "cli")
        .whereLayer("exercise").mayOnlyBeAccessedByLayers("solver", "grading", "load", "present", "report",
            "pipeline", "cli")
        .check(CLASSES);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("org.bptt.grader.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theCoreDoesNoInputOutputParsingTemplatesOrCommandLine() {
    noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..",
            "com.fasterxml..", "freemarker..", "picocli..", "org.bptt.grader.yaml..", "org.bptt.grader.load..",
            "org.bptt.grader.present..", "org.bptt.grader.report..", "org.bptt.grader.pipeline..",
            "org.bptt.grader.cli..")
        .because("the solver and the grader are pure: one prepared exercise serves a whole class, from any thread")
        .check(CLASSES);
  }

  /** Model kinds are plug-ins: the builders work on the Cell interface, and only the registry names a cell. */
  @ParameterizedTest
  @ValueSource(strings = {"ElmanCell", "LstmCell", "GruCell"})
  void onlyTheRegistryKnowsACellByName(String cell) {
    noClasses().that().resideInAPackage("org.bptt.grader..").and().doNotHaveSimpleName("Cells")
        .and().doNotHaveSimpleName(cell)
        .should().dependOnClassesThat().haveSimpleName(cell)
        .check(CLASSES);
  }

  @Test
  void theCoreNeverPrints() {
    noClasses().that().resideInAnyPackage(CORE).should(GeneralCodingRules.ACCESS_STANDARD_STREAMS).check(CLASSES);
  }
}
