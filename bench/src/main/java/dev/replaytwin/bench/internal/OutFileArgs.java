package dev.replaytwin.bench.internal;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.core.Nullable;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command line of a main that writes one file, {@code OUT.twcap [--option value]... [--overwrite]}:
 * a mistake prints the problem and the usage on stderr and exits 2, an existing file without
 * {@code --overwrite} exits 1.
 *
 * <pre>{@code
 * OutFileArgs a = OutFileArgs.parse("SampleCapture", USAGE, args, "--exchanges", "--seed");
 * if (a == null) {
 *   return; // --help printed the usage
 * }
 * int exchanges;
 * try {
 *   exchanges = Integer.parseInt(a.value("--exchanges", "500"));
 * } catch (IllegalArgumentException e) {
 *   throw a.usageError(e.getMessage());
 * }
 * a.write(() -> write(a.out(), exchanges, a.overwrite()));
 * }</pre>
 *
 * @param program the main's name, first on every error line
 * @param usage printed after an error and for {@code --help}
 * @param values the options given, by name ({@code --exchanges})
 */
public record OutFileArgs(String program, String usage, Path out, boolean overwrite, Map<String, String> values) {

  /** Something that writes {@link #out()}. */
  public interface Writing {
    void run() throws IOException;
  }

  public OutFileArgs {
    requireNonNull(program, "program");
    requireNonNull(usage, "usage");
    requireNonNull(out, "out");
    values = Map.copyOf(values);
  }

  /**
   * Reads {@code args}, where each of {@code options} takes a value; {@code null} after printing the
   * usage for {@code --help}.
   */
  public static @Nullable OutFileArgs parse(String program, String usage, String[] args, String... options) {
    Set<String> valued = Set.of(options);
    Path out = null;
    boolean overwrite = false;
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        System.out.println(usage);
        return null;
      } else if (arg.equals("--overwrite")) {
        overwrite = true;
      } else if (valued.contains(arg)) {
        if (++i >= args.length) {
          throw exit(program, usage, arg + ": missing value");
        }
        values.put(arg, args[i]);
      } else if (arg.startsWith("-") || out != null) {
        throw exit(program, usage, "unexpected argument " + arg);
      } else {
        out = Path.of(arg);
      }
    }
    if (out == null) {
      throw exit(program, usage, "missing OUT.twcap");
    }
    return new OutFileArgs(program, usage, out, overwrite, values);
  }

  /** The option's value, or {@code fallback} when it was not given. */
  public String value(String option, String fallback) {
    return values.getOrDefault(option, fallback);
  }

  /** Prints {@code message} and the usage, and exits 2; returns only in the compiler's eyes. */
  public IllegalStateException usageError(String message) {
    return exit(program, usage, message);
  }

  /** Runs {@code writing}; exits 1 with a one-line message when the file exists and may not be replaced. */
  public void write(Writing writing) throws IOException {
    try {
      writing.run();
    } catch (FileAlreadyExistsException e) {
      System.err.println(program + ": " + out + " exists; pass --overwrite to replace it");
      System.exit(1);
    }
  }

  private static IllegalStateException exit(String program, String usage, String message) {
    System.err.println(program + ": " + message);
    System.err.println(usage);
    System.exit(2);
    return new IllegalStateException(message);
  }
}
