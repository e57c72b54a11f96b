package dev.replaytwin.core.run;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * A run directory's {@code run.json}: what was replayed, against what, how, and whether the
 * replayer's own timing makes the run's figures worth judging.
 *
 * <p>The replayer writes it twice: with {@code state} {@value #RUNNING} when the replay starts, and
 * {@value #FINISHED} (or {@value #ABORTED}) at the end, so a run whose replayer died is recognisable.
 * Both writes replace the file atomically. Readers ignore fields they do not know.
 *
 * @param version the manifest format, {@value #VERSION}
 * @param state {@value #RUNNING}, {@value #FINISHED} or {@value #ABORTED}
 * @param startedAt ISO-8601 instant the first request was due ({@code t0})
 * @param endedAt ISO-8601 instant the last response arrived, {@code ""} while running
 * @param t0EpochNanos {@code t0} as epoch nanoseconds; outcomes' intended times count from it
 * @param capture the capture replayed
 * @param targets each target, in the order given
 * @param schedule how requests were spaced and chosen
 * @param health the replayer's own health; {@code health.valid} false makes the run inconclusive
 * @param versions the software involved, e.g. {@code replaytwin}, {@code java}, {@code netty}
 */
public record RunManifest(
    int version, String state, String startedAt, String endedAt, long t0EpochNanos, Capture capture,
    List<Target> targets, Schedule schedule, Health health, Map<String, String> versions) {
  public static final int VERSION = 1;
  public static final String RUNNING = "running";
  public static final String FINISHED = "finished";
  public static final String ABORTED = "aborted";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public RunManifest {
    requireNonNull(state, "state");
    requireNonNull(startedAt, "startedAt");
    requireNonNull(endedAt, "endedAt");
    requireNonNull(capture, "capture");
    targets = List.copyOf(requireNonNull(targets, "targets"));
    requireNonNull(schedule, "schedule");
    requireNonNull(health, "health");
    versions = Map.copyOf(requireNonNull(versions, "versions"));
  }

  /**
   * The capture a run replayed.
   *
   * @param files the capture's files (segments), as given
   * @param captureId the id every segment of the capture shares
   * @param digest {@code sha256:<hex>} over the files' bytes in order
   * @param context the capture's context tags: service, environment, region, release, extra
   * @param exchangesRead inbound exchanges read (every pass of a looped run counted once)
   * @param corruptBlocksSkipped blocks skipped as corrupt
   */
  public record Capture(List<String> files, String captureId, String digest, Map<String, String> context,
      long exchangesRead, long corruptBlocksSkipped) {
    public Capture {
      files = List.copyOf(files);
      context = Map.copyOf(context);
    }
  }

  /**
   * One target and what it was sent.
   *
   * @param name as given with {@code --target NAME=URL}
   * @param url the base URL
   * @param twin true when write methods may be replayed to it
   * @param requests requests planned for it (sent, dropped or failed)
   * @param answered requests that got an HTTP response, any status
   * @param errors requests without a response, by {@link ErrorKind#label()}
   * @param writesSkipped write requests not sent because the target is not a twin or the run is
   *     read-only
   * @param waitedForConnection requests that queued for a free connection before going out
   */
  public record Target(String name, String url, boolean twin, long requests, long answered,
      Map<String, Long> errors, long writesSkipped, long waitedForConnection) {
    public Target {
      errors = Map.copyOf(errors);
    }
  }

  /**
   * How the requests were chosen and spaced.
   *
   * @param mode {@code scaled}, {@code even}, {@code poisson} or {@code max}
   * @param openLoop false for {@code max}, a closed-loop capacity run whose latencies are service
   *     times only
   * @param speed the time scale for {@code scaled}, else 0
   * @param ratePerSecond the rate for {@code even} and {@code poisson}, else 0
   * @param seed the random seed for {@code poisson}, else 0
   * @param startAt ISO-8601 instant given with {@code --start-at}, or {@code ""}
   * @param duration ISO-8601 duration limit, or {@code ""}
   * @param loop whether the capture was replayed over again until the duration ran out
   * @param passes passes over the capture begun
   * @param shard {@code i/N}, {@code 0/1} for an unsharded run
   * @param filters the request filters, e.g. {@code include}, {@code exclude}, {@code from},
   *     {@code sample}, {@code session}
   * @param readOnly true when write methods were sent to no target
   * @param warmup ISO-8601 duration from t0 during which requests were sent but not measured (no
   *     latency logged, no send lag judged; their outcomes are written and readers skip them), or
   *     {@code ""}
   */
  public record Schedule(String mode, boolean openLoop, double speed, double ratePerSecond, long seed,
      String startAt, String duration, boolean loop, long passes, String shard, Map<String, String> filters,
      boolean readOnly, String warmup) {
    public Schedule {
      filters = Map.copyOf(filters);
    }
  }

  /**
   * The replayer's own timing. Send lag is the time between a request's intended send and the
   * moment it was written to a connection, over the requests that waited for nothing (a request
   * queued for a busy connection or behind its session waits because of the target, which its
   * latency shows). A replayer that cannot keep up makes every target look slow, so a run past its
   * bound is not judged.
   *
   * @param valid false when the run's figures say more about the replayer than about the twins
   * @param reasons why the run is not valid, one sentence each; empty when valid
   * @param lagBoundNanos the send-lag p99 above which the run is invalid
   * @param lagP50Nanos send-lag median
   * @param lagP99Nanos send-lag 99th percentile
   * @param lagMaxNanos largest send lag
   * @param late requests handed over later than the bound
   * @param dropped requests the replayer could not send
   * @param outcomesLost outcome rows not written (the writer fell behind)
   * @param dispatchLagP99Nanos 99th percentile of the dispatcher thread's own lag, from intended
   *     time to handing the request to the targets' clients; every request counts
   * @param timerP99Nanos 99th percentile of how late a thread that only sleeps woke, measured beside
   *     the replay: the machine's own floor for send lag (0 when not measured, as in closed loop)
   * @param timerLate timer wake-ups later than the bound
   * @param timerSamples timer wake-ups measured
   */
  public record Health(boolean valid, List<String> reasons, long lagBoundNanos, long lagP50Nanos,
      long lagP99Nanos, long lagMaxNanos, long late, long dropped, long outcomesLost, long dispatchLagP99Nanos,
      long timerP99Nanos, long timerLate, long timerSamples) {
    public Health {
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * When the measured part of the run begins, in epoch nanoseconds: t0 plus the warm-up; rows
   * intended earlier are not judged. {@link Long#MIN_VALUE} when there was no warm-up.
   */
  public long measuredFrom() {
    String warmup = schedule.warmup();
    if (warmup == null || warmup.isEmpty()) {
      return Long.MIN_VALUE;
    }
    try {
      return t0EpochNanos + Duration.parse(warmup).toNanos();
    } catch (DateTimeParseException e) {
      return t0EpochNanos;
    }
  }

  /** Reads a {@code run.json}. */
  public static RunManifest read(Path file) throws IOException {
    RunManifest m = JSON.readValue(file.toFile(), RunManifest.class);
    if (m.version() != VERSION) {
      throw new IOException(file + ": run.json version " + m.version() + " (expected: " + VERSION
          + "; written by another version of twin)");
    }
    return m;
  }

  /** Writes this manifest to {@code file}, replacing it atomically. */
  public void write(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writeValue(tmp.toFile(), this);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
