package dev.replaytwin.scenario.demo;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The command line of a demo program's {@code main}: {@code --name value} options and bare flags,
 * each known by name, the last of a repeated one winning. Every problem is an {@link
 * IllegalArgumentException} whose message is one line naming the option, which the program prints
 * after its name before it exits with 2. Only the JDK, like the rest of the package.
 *
 * <pre>{@code
 * DemoOptions options = DemoOptions.parse(args, List.of("--port", "--seed"), List.of(),
 *     "expected: --port, --seed");
 * int port = options.port("--port", 0);
 * }</pre>
 */
final class DemoOptions {
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();

  private DemoOptions() {}

  /**
   * Reads {@code args}.
   *
   * @param valued the options that take a value
   * @param flagNames the options that take none
   * @param usage what is expected, put in the message of an unknown option or a missing value
   * @throws IllegalArgumentException for an option not in either list, or one of {@code valued} last
   */
  static DemoOptions parse(String[] args, List<String> valued, List<String> flagNames, String usage) {
    DemoOptions options = new DemoOptions();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (flagNames.contains(name)) {
        options.flags.add(name);
      } else if (!valued.contains(name)) {
        throw new IllegalArgumentException(name + ": unknown option (" + usage + ")");
      } else if (i + 1 == args.length) {
        throw new IllegalArgumentException(name + ": no value (" + usage + ")");
      } else {
        options.values.put(name, args[++i]);
      }
    }
    return options;
  }

  /** Whether flag {@code name} was given. */
  boolean flag(String name) {
    return flags.contains(name);
  }

  /** Option {@code name}'s value as given, or {@code otherwise}. */
  String text(String name, String otherwise) {
    return values.getOrDefault(name, otherwise);
  }

  /**
   * Option {@code name}'s value read by {@code read}, or {@code otherwise}; {@code read} throws an
   * {@link IllegalArgumentException} saying what is wrong with a value.
   */
  <T> T value(String name, Function<String, T> read, T otherwise) {
    String text = values.get(name);
    return text == null ? otherwise : read.apply(text);
  }

  /** Option {@code name}'s value as a whole number, or {@code otherwise}. */
  long whole(String name, long otherwise) {
    return value(name, text -> {
      try {
        return Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " " + text + ": not a whole number");
      }
    }, otherwise);
  }

  /** Option {@code name}'s value as a TCP port, 0 for any free one, or {@code otherwise}. */
  int port(String name, int otherwise) {
    long port = whole(name, otherwise);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(name + " " + port + ": not a port (expected: 0..65535, 0 for any free one)");
    }
    return (int) port;
  }

  /** Option {@code name}'s value as a duration ({@link DurationText}: {@code 8m}, {@code 4m48s}), or {@code otherwise}. */
  Duration duration(String name, Duration otherwise) {
    return value(name, text -> DurationText.parse(name, text), otherwise);
  }

  /** Option {@code name}'s value as a number, or {@code otherwise}. */
  double number(String name, double otherwise) {
    return value(name, text -> {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " " + text + ": not a number");
      }
    }, otherwise);
  }
}
