package dev.replaytwin.bench.internal;

import dev.replaytwin.core.Nullable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A benchmark's command line: {@code --name value} and {@code --name=value}; a later option wins. */
public final class Args {
  private Args() {}

  /**
   * The options by name, in the order first given.
   *
   * @throws IllegalArgumentException when an option has no value
   */
  public static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      int eq = name.indexOf('=');
      if (eq > 0) {
        options.put(name.substring(0, eq), name.substring(eq + 1));
      } else if (i + 1 < args.length) {
        options.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException(name + ": missing value");
      }
    }
    return options;
  }

  /**
   * A main's options parsed by {@code parse}; null after printing {@code usage} for {@code --help}
   * or {@code -h}. When {@code parse} refuses them, prints why and the usage, and exits with 2.
   */
  public static @Nullable <T> T parseOrExit(String program, String usage, String[] args,
      Function<String[], T> parse) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      System.out.println(usage);
      return null;
    }
    try {
      return parse.apply(args);
    } catch (IllegalArgumentException e) {
      System.err.println(program + ": " + e.getMessage());
      System.err.println(usage);
      System.exit(2);
      return null;
    }
  }

  /** A whole number, {@code _} allowed between digits. */
  public static int number(String name, String value) {
    try {
      return Integer.parseInt(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + ": \"" + value + "\" (expected: a whole number)");
    }
  }
}
