package dev.replaytwin.junit.internal;

import dev.replaytwin.junit.ReplayTarget;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The {@link ReplayTarget} members of a test: found on each test instance's class (outermost first,
 * so an inner {@code @Nested} class's member overrides its enclosing class's), read, and turned
 * into URLs. Every problem is an {@link IllegalArgumentException} naming the member.
 */
public final class TargetMembers {
  private static final Set<String> ROLES = Set.of(ReplayTarget.CANDIDATE, ReplayTarget.BASELINE, ReplayTarget.NOISE);

  private TargetMembers() {}

  /**
   * The targets by role.
   *
   * @param instances the test instances, outermost first (one, unless the test is {@code @Nested})
   */
  public static Map<String, URI> resolve(List<Object> instances) {
    Map<String, URI> targets = new LinkedHashMap<>();
    for (Object instance : instances) {
      Map<String, Member> declared = new LinkedHashMap<>();
      Class<?> type = instance.getClass();
      for (Method m : AnnotationSupport.findAnnotatedMethods(type, ReplayTarget.class, HierarchyTraversalMode.TOP_DOWN)) {
        String role = role(m, m.getAnnotation(ReplayTarget.class));
        if (m.getParameterCount() != 0) {
          throw new IllegalArgumentException(describe(m) + ": takes parameters (expected: a @ReplayTarget method"
              + " without parameters, returning the service's URL)");
        }
        add(declared, role, m);
      }
      for (Field f : AnnotationSupport.findAnnotatedFields(type, ReplayTarget.class)) {
        add(declared, role(f, f.getAnnotation(ReplayTarget.class)), f);
      }
      for (Map.Entry<String, Member> e : declared.entrySet()) {
        targets.put(e.getKey(), url(e.getValue(), read(e.getValue(), instance)));
      }
    }
    if (!targets.containsKey(ReplayTarget.CANDIDATE)) {
      throw new IllegalArgumentException("no @ReplayTarget candidate in " + instances.get(instances.size() - 1)
          .getClass().getName() + " (expected: a method or field annotated @ReplayTarget giving the URL of the"
          + " service under test, e.g. @ReplayTarget static URI candidate() { return service.url(); })");
    }
    return targets;
  }

  private static void add(Map<String, Member> declared, String role, Member member) {
    Member before = declared.put(role, member);
    if (before != null && !overrides(member, before)) {
      throw new IllegalArgumentException("@ReplayTarget(\"" + role + "\") is given twice: " + describe(before)
          + " and " + describe(member) + " (expected: one member per role)");
    }
  }

  /** A subclass's method of the same name replaces its superclass's, as Java's own overriding does. */
  private static boolean overrides(Member member, Member before) {
    return member instanceof Method && before instanceof Method && member.getName().equals(before.getName());
  }

  private static String role(Member member, ReplayTarget annotation) {
    String role = annotation.value();
    if (!ROLES.contains(role)) {
      throw new IllegalArgumentException(describe(member) + ": @ReplayTarget(\"" + role + "\") (expected: \""
          + ReplayTarget.CANDIDATE + "\", \"" + ReplayTarget.BASELINE + "\" or \"" + ReplayTarget.NOISE + "\")");
    }
    return role;
  }

  private static Object read(Member member, Object instance) {
    Object target = Modifier.isStatic(member.getModifiers()) ? null : instance;
    Object value;
    if (member instanceof Method m) {
      value = ReflectionSupport.invokeMethod(m, target);
    } else {
      value = ReflectionSupport.tryToReadFieldValue((Field) member, target).getOrThrow(
          e -> new IllegalArgumentException(describe(member) + ": cannot be read (" + e + ")"));
    }
    if (value == null) {
      throw new IllegalArgumentException(describe(member) + ": is null (expected: the URL of a service the test"
          + " started, e.g. in @BeforeAll)");
    }
    return value;
  }

  static URI url(Member member, Object value) {
    try {
      if (value instanceof URI u) {
        return u;
      }
      if (value instanceof URL u) {
        return u.toURI();
      }
      if (value instanceof String s) {
        return new URI(s.strip());
      }
      if (value instanceof InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return new URI("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort());
      }
      if (value instanceof Integer port) {
        if (port < 1 || port > 65535) {
          throw new IllegalArgumentException(describe(member) + ": port " + port + " (expected: 1..65535)");
        }
        return new URI("http://127.0.0.1:" + port);
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(describe(member) + ": \"" + value + "\" is not a URL (" + e.getReason() + ")");
    }
    throw new IllegalArgumentException(describe(member) + ": a " + value.getClass().getName() + " (expected: a URI,"
        + " URL, String, InetSocketAddress or int port)");
  }

  static String describe(Member m) {
    return m.getDeclaringClass().getSimpleName() + "." + m.getName() + (m instanceof Method ? "()" : "");
  }
}
