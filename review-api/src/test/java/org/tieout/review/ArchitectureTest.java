package org.tieout.review;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layering: core &lt;- matcher, anomaly, embeddings &lt;- review-api, nothing sideways,
 * and no Spring or JDBC in the domain modules.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tieout");
  }

  @Test
  void coreDependsOnNoOtherModule() {
    noClasses()
        .that()
        .resideInAPackage("org.tieout.core..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.tieout.matcher..",
            "org.tieout.anomaly..",
            "org.tieout.embeddings..",
            "org.tieout.review..")
        .check(classes);
  }

  @Test
  void middleModulesDoNotDependOnEachOtherOrOnTheService() {
    noClasses()
        .that()
        .resideInAPackage("org.tieout.matcher..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.tieout.anomaly..", "org.tieout.embeddings..", "org.tieout.review..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("org.tieout.anomaly..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.tieout.matcher..", "org.tieout.embeddings..", "org.tieout.review..")
        .allowEmptyShould(true)
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("org.tieout.embeddings..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.tieout.matcher..", "org.tieout.anomaly..", "org.tieout.review..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void domainModulesUseNoSpringAndNoJdbc() {
    noClasses()
        .that()
        .resideInAnyPackage("org.tieout.core..", "org.tieout.matcher..", "org.tieout.anomaly..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "java.sql..", "javax.sql..", "org.postgresql..")
        .check(classes);
  }
}
