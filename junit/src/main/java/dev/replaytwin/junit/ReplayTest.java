package dev.replaytwin.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that replays a capture against the service the test class started and fails with the
 * comparator's explanation when the verdict is not PASS: an incident's traffic, kept as a
 * regression test in the service's own build.
 *
 * <pre>{@code
 * class CheckoutIncidentTest {
 *   static ShopServer shop;
 *
 *   @BeforeAll static void start() { shop = ShopServer.start(0); }
 *   @AfterAll static void stop() { shop.close(); }
 *
 *   @ReplayTarget static URI candidate() { return shop.url(); }
 *
 *   @ReplayTest(capture = "src/test/resources/incident-2026-11-20.twcap",
 *       policy = "src/test/resources/gate.yaml", rate = "200/s")
 *   void incidentOfNovember20DoesNotComeBack() {}
 * }
 * }</pre>
 *
 * <p>The candidate (and optionally a {@code baseline} and a noise target {@code baseline2}) are
 * named by {@link ReplayTarget} members of the test class. Without a baseline, the candidate is
 * judged against the responses the capture recorded (not their latency). The replay runs after
 * the {@code @BeforeEach} methods; the method's body runs only when the verdict passes, and may take
 * the {@link ReplayResult} as a parameter for assertions of its own. The reports and the run go to
 * {@code target/replaytwin/<test class>/<method>/}, emptied first.
 *
 * <p>Paths are relative to the working directory (the module's directory under Maven and Gradle);
 * a path not found there is looked up on the test class path, so {@code "incident.twcap"} finds
 * {@code src/test/resources/incident.twcap} too. Durations are written {@code 500ms}, {@code 5s},
 * {@code 1m}.
 *
 * <p>May be used as a meta-annotation, to give a service's replay tests shared settings.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ReplayTwinExtension.class)
public @interface ReplayTest {
  /** The {@code .twcap} capture to replay. */
  String capture();

  /** A {@code gate.yaml} (docs/gating.md); empty for the standard policy (which needs 100 requests an endpoint). */
  String policy() default "";

  /** The captured timing, this many times faster ({@code 1}: as captured). Not with {@link #rate}. */
  double speed() default 1.0;

  /** Evenly spaced requests at this rate, whatever the captured timing: {@code 200/s}, {@code 2k/s}. */
  String rate() default "";

  /** Only requests captured from this point: an ISO-8601 instant, or an offset such as {@code +30s}. */
  String from() default "";

  /** Only requests captured up to this point, as {@link #from}. */
  String to() default "";

  /** Only requests matching one of these globs: {@code /api/**}, {@code GET /users/*}. */
  String[] include() default {};

  /** No request matching one of these globs. */
  String[] exclude() default {};

  /** Requests sent during this first part of the replay are not judged (the service's cold start). */
  String warmup() default "";

  /**
   * How late the replayer may send before it calls its run invalid and the verdict INCONCLUSIVE.
   * Empty for the default: 100 ms against a baseline (a test shares its machine with the build, and
   * its JVM is cold), the response timeout against the recording, where nothing timed is judged.
   */
  String lagBound() default "";

  /** How long a request may take, from send to the last byte of the response. */
  String timeout() default "30s";

  /** What an INCONCLUSIVE verdict does to the test: fail it (default) or abort it. */
  Inconclusive inconclusive() default Inconclusive.FAIL;

  /**
   * Where the reports go, a directory per test class and method below it; empty for the system
   * property {@code replaytwin.reportDir}, or else {@code target/replaytwin}.
   */
  String reportDir() default "";

  /** The reports written: any of {@code html,md,junit,json}. */
  String formats() default "html,md,junit,json";
}
