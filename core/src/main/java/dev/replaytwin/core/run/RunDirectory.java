package dev.replaytwin.core.run;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a replay run keeps its files (see the {@linkplain dev.replaytwin.core.run package} for what
 * each holds). Only paths: nothing is created or read until asked.
 *
 * <pre>{@code
 * RunDirectory run = RunDirectory.at(Path.of("runs/2026-11-22-blue-green"));
 * run.outcomes("blue");     // runs/2026-11-22-blue-green/targets/blue/outcomes.jsonl.zst
 * run.targets();            // [blue, green]
 * }</pre>
 *
 * @param root the run's directory
 */
public record RunDirectory(Path root) {
  /** Longest target name: a directory name on every file system, and short enough to read in a table. */
  public static final int MAX_TARGET_NAME_LENGTH = 64;

  private static final Pattern TARGET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  public RunDirectory {
    requireNonNull(root, "root");
  }

  public static RunDirectory at(Path root) {
    return new RunDirectory(root);
  }

  /** {@code run.json}, the run's manifest, written by the replayer. */
  public Path manifest() {
    return root.resolve("run.json");
  }

  /** {@code targets/<name>/}, the files of one target. */
  public Path targetDir(String name) {
    return root.resolve("targets").resolve(requireValidTargetName(name));
  }

  /** {@code targets/<name>/latency.hlog}: HdrHistogram interval log, latency from intended send time. */
  public Path latencyLog(String target) {
    return targetDir(target).resolve("latency.hlog");
  }

  /** {@code targets/<name>/service.hlog}: HdrHistogram interval log, latency from actual send time. */
  public Path serviceLog(String target) {
    return targetDir(target).resolve("service.hlog");
  }

  /** {@code targets/<name>/outcomes.jsonl.zst}: one row per request, see {@link OutcomeReader}. */
  public Path outcomes(String target) {
    return targetDir(target).resolve("outcomes.jsonl.zst");
  }

  /**
   * {@code targets/<name>/resources.jsonl}: the target's resource samples during the run, written by
   * whatever started it (see {@link ResourceLog}); absent when nothing sampled it.
   */
  public Path resources(String target) {
    return targetDir(target).resolve("resources.jsonl");
  }

  /**
   * {@code targets/<name>/calls.jsonl}: the target's calls to its simulated dependencies during the
   * run, in arrival order (see {@link CallLog}); absent when no simulator served it.
   */
  public Path calls(String target) {
    return targetDir(target).resolve("calls.jsonl");
  }

  /**
   * The names of the target directories under {@code targets/}, sorted; entries that are not
   * directories or whose names are not target names are left out. Empty when there is no
   * {@code targets/} yet.
   */
  public List<String> targets() throws IOException {
    try (Stream<Path> entries = Files.list(root.resolve("targets"))) {
      return entries.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(RunDirectory::isValidTargetName)
          .sorted()
          .toList();
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }

  /** True when {@code name} can name a target: letters, digits, '.', '_' and '-', at most 64. */
  public static boolean isValidTargetName(String name) {
    return name.length() <= MAX_TARGET_NAME_LENGTH && TARGET_NAME.matcher(name).matches();
  }

  /**
   * Returns {@code name} when it can name a target.
   *
   * @throws IllegalArgumentException saying what a target name may hold
   */
  public static String requireValidTargetName(String name) {
    requireNonNull(name, "name");
    if (name.length() > MAX_TARGET_NAME_LENGTH) {
      throw new IllegalArgumentException("target name: \"" + name + "\" (expected: at most "
          + MAX_TARGET_NAME_LENGTH + " characters)");
    }
    if (!TARGET_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("target name: \"" + name
          + "\" (expected: letters, digits, '.', '_' or '-', starting with a letter or digit)");
    }
    return name;
  }
}
