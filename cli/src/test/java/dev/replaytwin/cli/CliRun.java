package dev.replaytwin.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * One run of {@code twin} in-process, its output captured.
 *
 * @param exitCode what the command returned
 * @param out everything written to stdout
 * @param err everything written to stderr
 */
record CliRun(int exitCode, String out, String err) {

  /** Runs {@code args} on the command tree {@code twin} itself builds for them. */
  static CliRun twin(String... args) {
    return twin(TwinCommand.commandLine(args), args);
  }

  static CliRun twin(CommandLine commandLine, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  List<String> errLines() {
    return err.lines().toList();
  }
}
