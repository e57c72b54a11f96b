package dev.replaytwin.cli.internal;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception thrown by a command into one line on stderr and an exit code (see
 * {@link Failure#of}); the stack trace goes first, and only when {@code --verbose} was given.
 */
public final class ExecutionErrorHandler implements IExecutionExceptionHandler {
  private final BooleanSupplier verbose;

  public ExecutionErrorHandler(BooleanSupplier verbose) {
    this.verbose = verbose;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    Failure failure = Failure.of(ex);
    PrintWriter err = commandLine.getErr();
    if (verbose.getAsBoolean()) {
      ex.printStackTrace(err);
    }
    err.println(failure.line());
    err.flush();
    return failure.exitCode();
  }
}
