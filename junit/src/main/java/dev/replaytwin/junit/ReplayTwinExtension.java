package dev.replaytwin.junit;

import dev.replaytwin.core.Nullable;
import dev.replaytwin.core.yaml.YamlFields;
import dev.replaytwin.junit.internal.TargetMembers;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs {@link ReplayTest} methods: resolves the {@link ReplayTarget} members, replays the capture,
 * and fails (or aborts) the test with the verdict's explanation before the method's body runs.
 * A {@link ReplayResult} parameter of the method receives the result. Registered by
 * {@link ReplayTest} itself; methods without it are left alone.
 */
public final class ReplayTwinExtension implements InvocationInterceptor, ParameterResolver {
  /** Overrides the root of the report directories, {@code target/replaytwin} by default. */
  public static final String REPORT_DIR_PROPERTY = "replaytwin.reportDir";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ReplayTwinExtension.class);
  private static final String RESULT = "result";
  private static final String FAILURE = "failure";

  @Override
  public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context) throws Throwable {
    if (annotation(context).isEmpty()) {
      invocation.proceed();
      return;
    }
    try {
      result(context).assertPassed();
    } catch (Throwable t) {
      invocation.skip();
      throw t;
    }
    invocation.proceed();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ReplayResult.class
        && parameter.getDeclaringExecutable() instanceof Method && annotation(context).isPresent();
  }

  /**
   * Runs the replay now, before the method, so that the method can have its result. A failure to
   * run is kept for {@link #interceptTestMethod}, which throws it as it is: thrown from here, JUnit
   * would bury it in a parameter resolution error.
   */
  @Override
  public @Nullable Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    try {
      return result(context);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      context.getStore(NAMESPACE).put(FAILURE, e);
      return null;
    }
  }

  private static ReplayResult result(ExtensionContext context) throws Exception {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Exception failed = store.get(FAILURE, Exception.class);
    if (failed != null) {
      throw failed;
    }
    ReplayResult done = store.get(RESULT, ReplayResult.class);
    if (done != null) {
      return done;
    }
    ReplayTest a = annotation(context).orElseThrow();
    ReplayTwin twin;
    try {
      twin = twin(a, context);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("@ReplayTest on " + context.getRequiredTestMethod().getName() + ": "
          + e.getMessage(), e);
    }
    ReplayResult result = twin.run();
    store.put(RESULT, result);
    return result;
  }

  private static Optional<ReplayTest> annotation(ExtensionContext context) {
    return context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, ReplayTest.class));
  }

  /** The annotation's settings, the targets' URLs and the report directory, as a {@link ReplayTwin}. */
  static ReplayTwin twin(ReplayTest a, ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    Map<String, URI> targets = TargetMembers.resolve(context.getRequiredTestInstances().getAllInstances());
    ReplayTwin.Builder b = ReplayTwin.builder(locate(a.capture(), "capture", testClass))
        .candidate(targets.get(ReplayTarget.CANDIDATE))
        .baseline(targets.get(ReplayTarget.BASELINE))
        .noise(targets.get(ReplayTarget.NOISE))
        .inconclusive(a.inconclusive())
        .responseTimeout(duration(a.timeout(), "timeout"))
        .formats(a.formats());
    if (!a.policy().isBlank()) {
      b.policy(locate(a.policy(), "policy", testClass));
    }
    if (!a.rate().isBlank()) {
      if (a.speed() != 1.0) {
        throw new IllegalArgumentException("speed " + a.speed() + " and rate " + a.rate()
            + " (expected: one of them: speed scales the captured timing, rate replaces it)");
      }
      b.rate(a.rate());
    } else {
      b.speed(a.speed());
    }
    if (!a.lagBound().isBlank()) {
      b.lagBound(duration(a.lagBound(), "lagBound"));
    }
    if (!a.warmup().isBlank()) {
      b.warmup(duration(a.warmup(), "warmup"));
    }
    if (!a.from().isBlank()) {
      b.from(a.from());
    }
    if (!a.to().isBlank()) {
      b.to(a.to());
    }
    b.include(a.include()).exclude(a.exclude());
    String root = !a.reportDir().isBlank() ? a.reportDir()
        : System.getProperty(REPORT_DIR_PROPERTY, Path.of("target", "replaytwin").toString());
    b.reportDir(Path.of(root, testClass.getName(), context.getRequiredTestMethod().getName()));
    return b.build();
  }

  /** The path as given when it exists; else the class path resource of that name when it is a file. */
  static Path locate(String path, String what, Class<?> testClass) {
    if (path.isBlank()) {
      throw new IllegalArgumentException(what + ": \"\" (expected: a path, e.g. src/test/resources/incident.twcap)");
    }
    Path p = Path.of(path);
    if (Files.exists(p)) {
      return p;
    }
    ClassLoader loader = testClass.getClassLoader();
    String name = path.replace('\\', '/');
    for (String prefix : new String[] {"src/test/resources/", "src/main/resources/"}) {
      if (name.startsWith(prefix)) {
        name = name.substring(prefix.length());
      }
    }
    URL url = loader == null ? null : loader.getResource(name.startsWith("/") ? name.substring(1) : name);
    if (url != null && url.getProtocol().equals("file")) {
      try {
        return Path.of(url.toURI());
      } catch (URISyntaxException | IllegalArgumentException e) {
        return p;
      }
    }
    return p;
  }

  private static Duration duration(String text, String what) {
    Duration d = YamlFields.parseDuration(text);
    if (d == null) {
      throw new IllegalArgumentException(what + ": \"" + text + "\" (expected: a duration such as 500ms, 5s or 1m)");
    }
    return d;
  }
}
