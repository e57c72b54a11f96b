package dev.replaytwin.scenario;

import dev.replaytwin.scenario.internal.ScenarioReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads scenario files. A suite is a folder of scenarios ({@code *.yaml}, {@code *.yml}), run in
 * file-name order; every file is loaded and checked before any of them starts.
 *
 * <pre>{@code
 * List<Scenario> suite = Scenarios.load(Path.of("scenarios/examples"));
 * }</pre>
 */
public final class Scenarios {
  private Scenarios() {}

  /**
   * The scenario in a file, or the scenarios in a folder.
   *
   * @throws ScenarioException with every problem of every file, each with file, line and field
   */
  public static List<Scenario> load(Path fileOrFolder) throws ScenarioException {
    if (Files.isDirectory(fileOrFolder)) {
      List<Path> files;
      try (Stream<Path> s = Files.list(fileOrFolder)) {
        files = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().matches(".*\\.ya?ml"))
            .sorted().toList();
      } catch (IOException e) {
        throw new ScenarioException(List.of(fileOrFolder + ": cannot be listed (" + e.getMessage() + ")"));
      }
      if (files.isEmpty()) {
        throw new ScenarioException(List.of(fileOrFolder + ": no scenario files (expected: *.yaml files in the"
            + " folder)"));
      }
      List<Scenario> out = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      for (Path f : files) {
        try {
          out.add(ScenarioReader.read(f));
        } catch (ScenarioException e) {
          problems.addAll(e.problems());
        }
      }
      if (!problems.isEmpty()) {
        throw new ScenarioException(problems);
      }
      return out;
    }
    if (!Files.isRegularFile(fileOrFolder)) {
      throw new ScenarioException(List.of(fileOrFolder + ": no such file or folder (expected: a scenario .yaml"
          + " or a folder of them)"));
    }
    return List.of(ScenarioReader.read(fileOrFolder));
  }
}
