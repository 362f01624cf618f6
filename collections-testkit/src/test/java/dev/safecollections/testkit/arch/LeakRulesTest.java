package dev.safecollections.testkit.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.safecollections.testkit.arch.fixtures.Fixtures;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LeakRulesTest {
  private static final JavaClasses FIXTURES =
      new ClassFileImporter().importPackagesOf(Fixtures.class);

  private static Set<String> flaggedFields(EvaluationResult result) {
    Set<String> out = new TreeSet<>();
    for (String line : result.getFailureReport().getDetails()) {
      String field = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
      out.add(field.substring(field.lastIndexOf('.') + 1));
    }
    return out;
  }

  @Test
  void flagsStaticAndSingletonUnboundedCollections_only() {
    EvaluationResult result = LeakRules.noLongLivedUnboundedCollections().evaluate(FIXTURES);
    assertEquals(new TreeSet<>(List.of("FLAGGED_DECLARED_HASH_MAP",
        "FLAGGED_MAP_BUILT_AS_CONCURRENT", "flaggedEnumSingletonField",
        "flaggedSingletonList")), flaggedFields(result), result.getFailureReport().toString());
    String report = String.join("\n", result.getFailureReport().getDetails());
    System.out.println(report);
    assertTrue(report.contains("Field <dev.safecollections.testkit.arch.fixtures.Fixtures$"
        + "Registry.FLAGGED_DECLARED_HASH_MAP> is a static HashMap: a long-lived collection with"
        + " no bound; use SafeMaps.bounded(maximumSize)"), report);
    assertTrue(report.contains("FLAGGED_MAP_BUILT_AS_CONCURRENT> is a static ConcurrentHashMap"),
        report);
    assertTrue(report.contains("flaggedSingletonList> is a singleton's ArrayList: a long-lived "
        + "collection with no bound; use SafeLists.bounded(maximumSize)"), report);
  }

  @Test
  void predicate_allowsChosenFields() {
    DescribedPredicate<JavaField> enums = DescribedPredicate.describe("in enums",
        f -> f.getOwner().isEnum());
    EvaluationResult result = LeakRules.noLongLivedUnboundedCollections(enums)
        .evaluate(FIXTURES);
    assertEquals(3, flaggedFields(result).size(), flaggedFields(result).toString());
  }

  @Test
  void ourOwnProductionCode_holdsNoLongLivedUnboundedCollection() {
    JavaClasses ours = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.safecollections");
    List<String> violations = LeakRules.noLongLivedUnboundedCollections().evaluate(ours)
        .getFailureReport().getDetails().stream()
        .filter(l -> !l.contains("testkit.arch.fixtures")).collect(Collectors.toList());
    assertEquals(List.of(), violations);
  }
}
