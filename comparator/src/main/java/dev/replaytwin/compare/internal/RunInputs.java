package dev.replaytwin.compare.internal;

import dev.replaytwin.compare.CompareException;
import dev.replaytwin.compare.CompareOptions;
import dev.replaytwin.core.Sha256;
import dev.replaytwin.core.run.RunDirectory;
import dev.replaytwin.core.run.RunManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run directories of one comparison, checked before anything is judged: each has a finished or
 * aborted manifest naming the compared targets, shards share one capture, and the outcome files of
 * the compared targets exist. Also digests every file the verdict depends on.
 *
 * @param targets the compared targets' names: baseline, candidate, then the noise target if any
 */
public record RunInputs(List<RunDirectory> dirs, List<RunManifest> manifests, List<String> targets) {

  public static RunInputs read(CompareOptions options) throws CompareException, IOException {
    List<String> targets = new ArrayList<>(List.of(options.baseline(), options.candidate()));
    if (!options.noise().isEmpty()) {
      targets.add(options.noise());
    }
    List<RunDirectory> dirs = new ArrayList<>();
    List<RunManifest> manifests = new ArrayList<>();
    for (Path p : options.runs()) {
      RunDirectory dir = RunDirectory.at(p);
      if (!Files.isDirectory(p)) {
        throw new CompareException(p + ": no such run directory (expected: the --out of twin replay)");
      }
      RunManifest m;
      try {
        m = RunManifest.read(dir.manifest());
      } catch (NoSuchFileException e) {
        throw new CompareException(p + ": no run.json (expected: a run directory written by twin replay)");
      } catch (IOException e) {
        throw new CompareException(dir.manifest() + ": not readable: " + oneLine(e));
      }
      if (RunManifest.RUNNING.equals(m.state())) {
        throw new CompareException(p + ": the replay is still running, or died (run.json says running; wait for it,"
            + " or replay again)");
      }
      List<String> names = m.targets().stream().map(RunManifest.Target::name).toList();
      for (String t : targets) {
        if (!names.contains(t)) {
          throw new CompareException(p + ": no target named " + t + " (the run has " + String.join(", ", names)
              + "; choose with --baseline, --candidate and --noise)");
        }
        if (!Files.isRegularFile(dir.outcomes(t))) {
          throw new CompareException(dir.outcomes(t) + ": missing (the run directory is incomplete)");
        }
      }
      if (!manifests.isEmpty() && !manifests.get(0).capture().digest().equals(m.capture().digest())) {
        throw new CompareException(p + ": replays another capture than " + options.runs().get(0)
            + " (expected: the shards of one run)");
      }
      dirs.add(dir);
      manifests.add(m);
    }
    return new RunInputs(List.copyOf(dirs), List.copyOf(manifests), List.copyOf(targets));
  }

  /** Whether every manifest says the replayer kept time; the reasons of those that do not. */
  public List<String> invalidReasons() {
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < manifests.size(); i++) {
      RunManifest m = manifests.get(i);
      String prefix = manifests.size() > 1 ? dirs.get(i).root() + ": " : "";
      if (!RunManifest.FINISHED.equals(m.state())) {
        reasons.add(prefix + "the replay did not finish (" + m.state() + ")");
      }
      for (String r : m.health().reasons()) {
        reasons.add(prefix + r);
      }
    }
    return reasons;
  }

  /** When the measured part of run {@code i} begins: its t0 plus its warm-up. */
  public long measuredFrom(int i) {
    return manifests.get(i).measuredFrom();
  }

  /**
   * {@code sha256:} of every file read, keyed by its path in its run directory; {@code known} holds
   * digests already taken, by file, which are used as they are.
   */
  public Map<String, String> digests(Map<Path, String> known) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < dirs.size(); i++) {
      RunDirectory dir = dirs.get(i);
      String prefix = dirs.size() > 1 ? i + "/" : "";
      out.put(prefix + "run.json", Sha256.ofFiles(List.of(dir.manifest())));
      for (String t : targets) {
        for (Path f : List.of(dir.outcomes(t), dir.latencyLog(t), dir.resources(t), dir.calls(t))) {
          String digest = known.get(f);
          if (digest == null && Files.isRegularFile(f)) {
            digest = Sha256.ofFiles(List.of(f));
          }
          if (digest != null) {
            out.put(prefix + dir.root().relativize(f).toString().replace('\\', '/'), digest);
          }
        }
      }
    }
    return out;
  }

  private static String oneLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
