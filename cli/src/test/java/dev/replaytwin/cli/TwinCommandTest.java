package dev.replaytwin.cli;

import static dev.replaytwin.cli.CliRun.twin;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class TwinCommandTest {

  @Test
  void versionPrintsTheMavenProjectVersion() {
    CliRun run = twin("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines().get(0)).matches("twin \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    CliRun run = twin("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: twin", "capture", "generate-completion", "--verbose",
        "2   invalid input or usage", "4   internal error");
  }

  @Test
  void everyCommandHasHelpWithoutPicocliWarnings() {
    List<List<String>> commands = new ArrayList<>();
    collect(TwinCommand.commandLine(), new ArrayList<>(), commands);
    assertThat(commands).hasSizeGreaterThan(10);
    PrintStream stderr = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    try {
      // picocli reports a description it cannot format (a lone % in it) on System.err, not the command's writer.
      System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
      for (List<String> path : commands) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        CliRun run = twin(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
        assertThat(run.out()).as(String.join(" ", args)).startsWith("Usage: twin"
            + (path.isEmpty() ? "" : " " + String.join(" ", path)));
        assertThat(run.err()).as(String.join(" ", args)).isEmpty();
      }
    } finally {
      System.setErr(stderr);
    }
    assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aCommandRunsOnATreeOfItAloneWhoseHelpIsTheWholeTreesHelp() {
    CommandLine whole = TwinCommand.commandLine();
    assertThat(TwinCommand.commandLine("compare", "runs/rc-42").getSubcommands()).containsOnlyKeys("compare");
    assertThat(TwinCommand.commandLine("capture", "stats").getSubcommands()).containsOnlyKeys("capture");
    // Options before the command, an unknown command and the completion script: the whole tree.
    for (String[] args : List.of(new String[] {"--verbose", "compare"}, new String[] {"comprae"},
        new String[] {"generate-completion"}, new String[0])) {
      assertThat(TwinCommand.commandLine(args).getSubcommands().keySet()).as(String.join(" ", args))
          .containsExactlyElementsOf(whole.getSubcommands().keySet());
    }
    List<List<String>> commands = new ArrayList<>();
    collect(whole, new ArrayList<>(), commands);
    for (List<String> path : commands) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      String[] argv = args.toArray(String[]::new);
      // Inherited options (--verbose, --help, --version) reach a command added on its own just as well.
      assertThat(twin(argv).out()).as(String.join(" ", args)).isEqualTo(twin(TwinCommand.commandLine(), argv).out());
    }
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> out) {
    out.add(path);
    for (var e : command.getSubcommands().entrySet()) {
      if (e.getKey().equals(e.getValue().getCommandName())) { // each once, not again under an alias
        List<String> sub = new ArrayList<>(path);
        sub.add(e.getKey());
        collect(e.getValue(), sub, out);
      }
    }
  }

  @Test
  void generatesABashCompletionScriptForTheWholeTree() {
    CliRun run = twin("generate-completion");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("complete", "_picocli_twin", "capture", "stats", "--skip-corrupt");
  }

  @Test
  void unknownOptionIsOneLineAndExitTwo() {
    CliRun run = twin("capture", "cat", "--bogus", "x.twcap");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("error: Unknown option: '--bogus' (see 'twin capture cat --help')");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void misspeltOptionSuggestsTheRightOne() {
    CliRun run = twin("capture", "cat", "--jsn", "x.twcap");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("error: Unknown option: '--jsn'; did you mean --json?");
  }

  @Test
  void missingSubcommandIsAUsageError() {
    CliRun run = twin("capture");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).containsExactly("error: Missing required subcommand (see 'twin capture --help')");
  }

  @Test
  void unexpectedExceptionIsAnInternalErrorInOneLine() {
    CommandLine commandLine = TwinCommand.commandLine();
    commandLine.addSubcommand(new Boom());

    CliRun run = twin(commandLine, "boom");

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.errLines()).containsExactly(
        "internal error: java.lang.IllegalStateException (rerun with --verbose for details)");
  }

  @Test
  void internalErrorMessageStaysOnOneLine() {
    CommandLine commandLine = TwinCommand.commandLine();
    commandLine.addSubcommand(new Boom("first line\nsecond line"));

    CliRun run = twin(commandLine, "boom");

    assertThat(run.errLines()).containsExactly(
        "internal error: first line; second line (rerun with --verbose for details)");
  }

  @Test
  void verboseAddsTheStackTraceBeforeTheMessage() {
    CommandLine commandLine = TwinCommand.commandLine();
    commandLine.addSubcommand(new Boom("kaput"));

    CliRun run = twin(commandLine, "boom", "--verbose");

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.errLines().get(0)).isEqualTo("java.lang.IllegalStateException: kaput");
    assertThat(run.err()).contains("\tat dev.replaytwin.cli.TwinCommandTest$Boom.call");
    assertThat(run.errLines()).last().isEqualTo("internal error: kaput (rerun with --verbose for details)");
  }

  /** A command that fails the way a bug would. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    private final String message;

    Boom() {
      this(null);
    }

    Boom(String message) {
      this.message = message;
    }

    @Override
    public Integer call() {
      throw new IllegalStateException(message);
    }
  }
}
