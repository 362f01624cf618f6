package dev.safecollections.testkit.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * ArchUnit rules that flag long-lived unbounded collections, the most common way a JVM service
 * leaks memory: fields that live as long as the application (static fields, and the fields of
 * singletons) and hold a {@code HashMap}, {@code HashSet}, {@code ArrayList}, {@code
 * LinkedList}, {@code ConcurrentHashMap} or one of their unbounded kin, whether declared with
 * that type or with an interface type and initialized by constructing one.
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "com.acme")
 * class NoLeakyFieldsTest {
 *   @ArchTest
 *   static final ArchRule rule = LeakRules.noLongLivedUnboundedCollections();
 * }
 * }</pre>
 *
 * <p>A violation names the field and its type and suggests the bounded replacement, as
 * {@code Field <com.acme.Users.CACHE> is a static HashMap: a long-lived collection with no
 * bound; use SafeMaps.bounded(maximumSize) or SafeMaps.builder()}.
 *
 * <p>Singletons are enums and classes annotated with an annotation whose simple name is
 * {@code Singleton}, {@code Component}, {@code Service}, {@code Repository}, {@code Controller},
 * {@code RestController} or {@code Configuration} (Jakarta, Spring, Guice and kin, by name, so
 * no dependency is needed). Not flagged: fields initialized by {@code Map.of}, {@code List.of},
 * {@code Collections.unmodifiable*} and other factories (constant tables), and local or
 * per-request instance fields.
 *
 * <p>Allowing exceptions: annotate the field with an annotation of simple name {@value
 * #ALLOW_ANNOTATION} (declare your own, with class or runtime retention), pass a predicate to
 * {@link #noLongLivedUnboundedCollections(DescribedPredicate)}, or use ArchUnit's own freezing
 * ({@code FreezingArchRule.freeze(rule)}) to accept the violations that exist today and fail
 * only on new ones.
 */
public final class LeakRules {
  /** The simple name of an annotation that allows a field to hold an unbounded collection. */
  public static final String ALLOW_ANNOTATION = "AllowUnboundedCollection";

  private static final Set<String> SINGLETON_ANNOTATIONS = Set.of("Singleton", "Component",
      "Service", "Repository", "Controller", "RestController", "Configuration");

  /** Unbounded collection types, by class name, with the bounded replacement to suggest. */
  static final Map<String, String> UNBOUNDED = Map.ofEntries(
      Map.entry("java.util.HashMap", maps()),
      Map.entry("java.util.LinkedHashMap", maps()),
      Map.entry("java.util.TreeMap", maps()),
      Map.entry("java.util.WeakHashMap", maps()),
      Map.entry("java.util.IdentityHashMap", maps()),
      Map.entry("java.util.Hashtable", maps()),
      Map.entry("java.util.concurrent.ConcurrentHashMap", maps()),
      Map.entry("java.util.concurrent.ConcurrentSkipListMap", maps()),
      Map.entry("java.util.HashSet", sets()),
      Map.entry("java.util.LinkedHashSet", sets()),
      Map.entry("java.util.TreeSet", sets()),
      Map.entry("java.util.concurrent.ConcurrentSkipListSet", sets()),
      Map.entry("java.util.concurrent.CopyOnWriteArraySet", sets()),
      Map.entry("java.util.ArrayList", lists()),
      Map.entry("java.util.LinkedList", lists()),
      Map.entry("java.util.Vector", lists()),
      Map.entry("java.util.concurrent.CopyOnWriteArrayList", lists()),
      Map.entry("java.util.ArrayDeque", queues()),
      Map.entry("java.util.PriorityQueue", queues()),
      Map.entry("java.util.concurrent.ConcurrentLinkedQueue", queues()),
      Map.entry("java.util.concurrent.ConcurrentLinkedDeque", queues()),
      Map.entry("java.util.concurrent.LinkedBlockingQueue", queues()),
      Map.entry("java.util.concurrent.LinkedTransferQueue", queues()));

  private LeakRules() {}

  private static String maps() {
    return "SafeMaps.bounded(maximumSize), SafeMaps.expiring(ttl, maximumSize) or "
        + "SafeMaps.builder()";
  }

  private static String sets() {
    return "SafeSets.bounded(maximumSize) or SafeSets.builder()";
  }

  private static String lists() {
    return "SafeLists.bounded(maximumSize) or SafeLists.builder()";
  }

  private static String queues() {
    return "SafeQueues.bounded(capacity) or SafeQueues.builder()";
  }

  /** The rule, allowing only fields annotated {@value #ALLOW_ANNOTATION}. */
  public static ArchRule noLongLivedUnboundedCollections() {
    return noLongLivedUnboundedCollections(DescribedPredicate.alwaysFalse());
  }

  /** The rule, also allowing the fields that {@code allowed} accepts. */
  public static ArchRule noLongLivedUnboundedCollections(
      DescribedPredicate<? super JavaField> allowed) {
    Objects.requireNonNull(allowed, "allowed");
    return ArchRuleDefinition.classes()
        .should(new ArchCondition<JavaClass>("hold no long-lived unbounded collection") {
          @Override
          public void check(JavaClass c, ConditionEvents events) {
            for (JavaField f : c.getFields()) {
              boolean isStatic = f.getModifiers().contains(JavaModifier.STATIC);
              if ((!isStatic && !isSingleton(c)) || isAllowed(f) || allowed.test(f)) {
                continue;
              }
              String type = unboundedType(f);
              if (type != null) {
                String simple = type.substring(type.lastIndexOf('.') + 1);
                events.add(SimpleConditionEvent.violated(f, String.format(
                    "Field <%s> is a %s %s: a long-lived collection with no bound; use %s",
                    f.getFullName(), isStatic ? "static" : "singleton's", simple,
                    UNBOUNDED.get(type))));
              }
            }
          }
        })
        .allowEmptyShould(true)
        .because("collections that live as long as the application must be bounded");
  }

  private static boolean isSingleton(JavaClass c) {
    return c.isEnum() || c.getAnnotations().stream()
        .anyMatch(a -> SINGLETON_ANNOTATIONS.contains(a.getRawType().getSimpleName()));
  }

  private static boolean isAllowed(JavaField f) {
    return f.getAnnotations().stream()
        .anyMatch(a -> a.getRawType().getSimpleName().equals(ALLOW_ANNOTATION));
  }

  /**
   * The unbounded type the field holds: its declared type if that is one, else the one that
   * the code assigning it (a static initializer or a constructor, on the lines since the
   * previous field assignment there) constructs, unless that code wraps it in an unmodifiable
   * view or copy; null if none. Needs the line numbers that {@code javac} writes by default.
   */
  static String unboundedType(JavaField f) {
    String declared = f.getRawType().getName();
    if (UNBOUNDED.containsKey(declared)) {
      return declared;
    }
    if (!f.getRawType().isInterface()) {
      return null;
    }
    for (JavaFieldAccess access : f.getAccessesToSelf()) {
      if (access.getAccessType() != JavaFieldAccess.AccessType.SET) {
        continue;
      }
      JavaCodeUnit origin = access.getOrigin();
      if (!origin.getName().equals("<clinit>") && !origin.isConstructor()) {
        continue;
      }
      // the code that computes this field's value: from the previous field assignment of the
      // same initializer or constructor (exclusive) to this one (inclusive), by line
      int to = access.getLineNumber();
      int from = origin.getFieldAccesses().stream()
          .filter(a -> a.getAccessType() == JavaFieldAccess.AccessType.SET)
          .mapToInt(JavaFieldAccess::getLineNumber).filter(line -> line < to)
          .max().orElse(Integer.MIN_VALUE);
      if (wrapsUnmodifiable(origin, from, to)) {
        continue;
      }
      for (JavaConstructorCall call : origin.getConstructorCallsFromSelf()) {
        String built = call.getTargetOwner().getName();
        if (call.getLineNumber() > from && call.getLineNumber() <= to
            && UNBOUNDED.containsKey(built) && f.getRawType().isAssignableFrom(built)) {
          return built;
        }
      }
    }
    return null;
  }

  private static boolean wrapsUnmodifiable(JavaCodeUnit origin, int from, int to) {
    for (JavaMethodCall call : origin.getMethodCallsFromSelf()) {
      if (call.getLineNumber() <= from || call.getLineNumber() > to) {
        continue;
      }
      String owner = call.getTargetOwner().getName();
      String method = call.getTarget().getName();
      if ((owner.equals("java.util.Collections") && method.startsWith("unmodifiable"))
          || method.equals("copyOf")) {
        return true;
      }
    }
    return false;
  }
}
