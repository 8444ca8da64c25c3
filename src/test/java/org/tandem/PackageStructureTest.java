package org.tandem;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The house style's package rules: the packages are the product's capabilities, which use each other's public types
 * but never in a circle; {@code common} stands alone; the engine's runtime is reached through each process's door;
 * adapters (delegates, controllers) stay inside their capability; domain code knows nothing of HTTP.
 */
@AnalyzeClasses(packages = "org.tandem", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

  /** The packages that extend the engine itself: its plugins, the engine REST firewall, identity and the sealed store. */
  static final String[] ENGINE_EXTENSIONS = {"org.tandem.engine..", "org.tandem.access..", "org.tandem.identity..",
      "org.tandem.confidential.."};

  /** The one class per process through which other code starts, steers and queries it. */
  static final DescribedPredicate<JavaClass> PROCESS_DOORS = simpleNameEndingWith("Process").as("process doors");

  static final DescribedPredicate<JavaClass> ADAPTERS = annotatedWith(RestController.class)
      .or(simpleNameEndingWith("Delegates").and(annotatedWith(Configuration.class)))
      .or(assignableTo(JavaDelegate.class)).or(assignableTo(TaskListener.class)).or(assignableTo(ExecutionListener.class))
      .as("controllers and delegates");

  @ArchTest
  static final ArchRule capabilities_do_not_depend_on_each_other_in_a_circle =
      slices().matching("org.tandem.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule common_depends_on_no_other_package =
      noClasses().that().resideInAPackage("org.tandem.common..")
          .should().dependOnClassesThat(resideInAPackage("org.tandem..")
              .and(resideOutsideOfPackage("org.tandem.common.."))
              .as("classes of the product's other packages"));

  @ArchTest
  static final ArchRule the_runtime_is_reached_only_through_process_doors_and_engine_extensions =
      noClasses().that(not(PROCESS_DOORS)).and().resideOutsideOfPackages(ENGINE_EXTENSIONS)
          .should().dependOnClassesThat(assignableTo(RuntimeService.class))
          .orShould().callMethodWhere(target(name("getRuntimeService")))
          .because("code outside a process starts, messages and queries it through its door (CONVENTIONS.md)");

  @ArchTest
  static final ArchRule engine_internals_only_in_engine_extensions =
      noClasses().that().resideOutsideOfPackages(ENGINE_EXTENSIONS)
          .and(not(name("org.tandem.common.EngineTime").or(name("org.tandem.common.Privileged"))
              .or(name("org.tandem.common.Caller")).as("the engine helpers of common")))
          .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
          .because("the engine's internal classes change between versions; the product's own use of them is kept in "
              + "its engine extensions and the engine helpers of common");

  @ArchTest
  static final ArchRule controllers_and_delegates_are_package_private =
      classes().that(ADAPTERS).and().areTopLevelClasses().should().notBePublic()
          .because("an adapter belongs to its capability: nothing else calls it");

  @ArchTest
  static final ArchRule domain_code_knows_nothing_of_http =
      noClasses().that(not(annotatedWith(RestController.class)).and(not(annotatedWith(RestControllerAdvice.class))))
          .and().resideOutsideOfPackages(ENGINE_EXTENSIONS)
          .should().dependOnClassesThat(resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
              "jakarta.servlet.."))
          .because("services answer with domain results and exceptions; only controllers speak HTTP");
}
