package org.tandem;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The packages are the product's capabilities; they may use each other's public types but never in a circle. */
@AnalyzeClasses(packages = "org.tandem", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

  @ArchTest
  static final ArchRule capabilities_do_not_depend_on_each_other_in_a_circle =
      slices().matching("org.tandem.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule common_depends_on_no_other_package =
      noClasses().that().resideInAPackage("org.tandem.common..")
          .should().dependOnClassesThat(resideInAPackage("org.tandem..")
              .and(resideOutsideOfPackage("org.tandem.common.."))
              .as("classes of the product's other packages"));
}
