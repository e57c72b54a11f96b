package dev.replaytwin.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a service a {@link ReplayTest} replays against: a method without parameters (static or not)
 * or a field, of the test class, its superclasses or, for a {@code @Nested} class, its enclosing
 * classes. Its value is a {@link java.net.URI}, a {@link java.net.URL}, a {@link String} URL, an
 * {@link java.net.InetSocketAddress} or an {@code int} port on 127.0.0.1, read after the
 * {@code @BeforeEach} methods ran, so the service can be started in {@code @BeforeAll} or
 * {@code @BeforeEach}.
 *
 * <pre>{@code
 * @ReplayTarget static URI candidate() { return URI.create("http://127.0.0.1:" + service.port()); }
 * @ReplayTarget(ReplayTarget.BASELINE) static int stable() { return stableService.port(); }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReplayTarget {
  /** The service under test; required. */
  String CANDIDATE = "candidate";
  /** The service the candidate is compared with; without one, the capture's recorded responses. */
  String BASELINE = "baseline";
  /** A second baseline, the same release as the baseline: fields that differ between the two are noise. */
  String NOISE = "baseline2";

  /** {@value #CANDIDATE}, {@value #BASELINE} or {@value #NOISE}. */
  String value() default CANDIDATE;
}
