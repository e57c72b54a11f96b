package dev.replaytwin.cli;

import dev.replaytwin.cli.internal.ExecutionErrorHandler;
import dev.replaytwin.cli.internal.UsageErrorHandler;
import dev.replaytwin.cli.internal.VersionProvider;
import io.netty.util.ResourceLeakDetector;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code twin} command: the root of the command tree and the program's entry point.
 *
 * <p>Tests and embedders build the same command tree with {@link #commandLine()} and capture its
 * output:
 *
 * <pre>{@code
 * StringWriter out = new StringWriter();
 * CommandLine twin = TwinCommand.commandLine();
 * twin.setOut(new PrintWriter(out));
 * int exitCode = twin.execute("capture", "stats", "prod.twcap");
 * }</pre>
 *
 * <p>Exit codes are those of {@link ExitCodes}. Errors are one line on stderr; {@code --verbose}
 * adds the stack trace.
 */
@Command(
    name = "twin",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Rehearse real production traffic on a release candidate before users see it.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:ok", "1:regression found", "2:invalid input or usage", "3:inconclusive", "4:internal error"})
public final class TwinCommand {
  /** The subcommands, in the order the help lists them. */
  private static final List<Class<?>> SUBCOMMANDS = List.of(CaptureCommand.class, ReplayCommand.class,
      CompareCommand.class, ReportCommand.class, StubsCommand.class, RunCommand.class,
      AutoComplete.GenerateCompletion.class);

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error, not just its one-line message.")
  private boolean verbose;

  /** The whole command tree with twin's error handling; set its out and err writers to capture output. */
  public static CommandLine commandLine() {
    return tree(SUBCOMMANDS);
  }

  /**
   * The command tree {@code args} are run with: when they start with a subcommand's name, the root
   * and that subcommand only, as picocli reads every command's annotations into a model before it
   * parses a word, about 0.1 s of every start for commands not run; otherwise, and for the
   * completion script (made from the whole tree), every command.
   */
  static CommandLine commandLine(String... args) {
    for (Class<?> command : SUBCOMMANDS) {
      if (args.length > 0 && command != AutoComplete.GenerateCompletion.class
          && command.getAnnotation(Command.class).name().equals(args[0])) {
        return tree(List.of(command));
      }
    }
    return commandLine();
  }

  private static CommandLine tree(List<Class<?>> subcommands) {
    TwinCommand root = new TwinCommand();
    CommandLine commandLine = new CommandLine(root);
    for (Class<?> command : subcommands) {
      commandLine.addSubcommand(command);
    }
    commandLine.setExecutionExceptionHandler(new ExecutionErrorHandler(() -> root.verbose));
    commandLine.setParameterExceptionHandler(new UsageErrorHandler(() -> root.verbose));
    return commandLine;
  }

  private static final String LEAK_DETECTION = "io.netty.leakDetection.level";

  /** Runs {@code twin} and exits with its exit code. */
  public static void main(String[] args) {
    if (System.getProperty(LEAK_DETECTION) == null) {
      // Netty's default samples one buffer in 128 with a stack trace: CPU and garbage on the proxy's
      // and the replayer's data paths for a check the test suites run at PARANOID anyway.
      ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    }
    CommandLine twin = commandLine(args);
    // Buffered, so that a capture of millions of exchanges is not written one system call a line.
    twin.setOut(new PrintWriter(new BufferedWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16)));
    int exitCode = twin.execute(args);
    twin.getOut().flush();
    twin.getErr().flush();
    System.exit(exitCode);
  }
}
