package dev.replaytwin.cli.internal;

import dev.replaytwin.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command line that does not parse (unknown option, bad value, missing argument) as one
 * line on stderr pointing at the command's help, with exit code 2. picocli would print the whole
 * usage; one line is easier to read in a CI log.
 */
public final class UsageErrorHandler implements IParameterExceptionHandler {
  private final BooleanSupplier verbose;

  public UsageErrorHandler(BooleanSupplier verbose) {
    this.verbose = verbose;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    PrintWriter err = commandLine.getErr();
    if (verbose.getAsBoolean()) {
      ex.printStackTrace(err);
    }
    StringBuilder line = new StringBuilder("error: ").append(Failure.oneLine(String.valueOf(ex.getMessage())));
    if (ex instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        line.append("; did you mean ").append(String.join(" or ", suggestions)).append('?');
      }
    }
    line.append(" (see '").append(commandLine.getCommandSpec().qualifiedName()).append(" --help')");
    err.println(line);
    err.flush();
    return ExitCodes.INVALID_INPUT;
  }
}
