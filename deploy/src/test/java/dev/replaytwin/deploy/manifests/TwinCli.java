package dev.replaytwin.deploy.manifests;

import dev.replaytwin.deploy.manifests.JavaAnnotations.Annotation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code twin} command line as the cli module declares it, read from its picocli-annotated
 * sources (the deploy module cannot depend on cli, which depends on it): the command tree from
 * {@code @Command(subcommands = ...)}, or a {@code SUBCOMMANDS = List.of(...)} of classes a command
 * adds in code (the root, which adds only the one it runs), and each command's {@code @Option}s (their mixins' too, the
 * root's inherited ones, picocli's standard help options) and {@code @Parameters}. Checks a command
 * line against it the way picocli would parse it, and checks that each option used is documented
 * in docs/cli.md or the command's own page.
 */
final class TwinCli {
  /** One option: its names, whether it is a flag (takes no value), whether it is required. */
  record Option(List<String> names, boolean flag, boolean required) {}

  /** One command: its options, subcommands, positional parameters and documentation. */
  record Command(String path, Map<String, Command> subcommands, List<Option> options, int minPositional,
      boolean positional, boolean runnable, String docs) {
    Option option(String name) {
      return options.stream().filter(o -> o.names().contains(name)).findFirst().orElse(null);
    }
  }

  /** Subcommands a command adds in code: {@code SUBCOMMANDS = List.of(A.class, B.class);} (as TwinCommand does). */
  private static final Pattern SUBCOMMAND_LIST = Pattern.compile("\\bSUBCOMMANDS\\s*=\\s*List\\.of\\(([^;]*)\\);");
  private static final Pattern LITERAL_OR_COMMENT = Pattern.compile(
      "'(?:[^'\\\\]|\\\\.)'|\"(?:[^\"\\\\]|\\\\.)*\"|//[^\n]*|/\\*.*?\\*/", Pattern.DOTALL);

  private final Map<String, Path> sources;
  private final Path docsDir;
  private final Map<String, String> pages;
  private final Command root;

  private TwinCli(Path cliSources, Path docsDir, Map<String, String> pages) {
    this.sources = sources(cliSources);
    this.docsDir = docsDir;
    this.pages = pages;
    this.root = command("TwinCommand", "", List.of());
  }

  /**
   * The CLI of {@code repoRoot}: sources under {@code cli/src/main/java}, docs under {@code docs};
   * {@code pages} maps a command path ({@code "capture proxy"}) to its own page in docs.
   */
  static TwinCli load(Path repoRoot, Map<String, String> pages) {
    return new TwinCli(repoRoot.resolve("cli/src/main/java"), repoRoot.resolve("docs"), pages);
  }

  Command root() {
    return root;
  }

  /** The command a path names ({@code "capture proxy"}), or null. */
  Command command(String path) {
    Command c = root;
    for (String part : path.isEmpty() ? new String[0] : path.split(" ")) {
      c = c.subcommands().get(part);
      if (c == null) {
        return null;
      }
    }
    return c;
  }

  /**
   * What is wrong with {@code args} (the words after {@code twin}), one sentence each, prefixed by
   * {@code where}; empty when picocli would accept them and every option used is documented.
   */
  List<String> check(String where, List<String> args) {
    List<String> problems = new ArrayList<>();
    Command c = root;
    int i = 0;
    while (i < args.size() && c.subcommands().containsKey(args.get(i))) {
      c = c.subcommands().get(args.get(i++));
    }
    if (!c.runnable()) {
      problems.add(where + ": twin " + String.join(" ", args) + ": no such command (expected one of "
          + c.subcommands().keySet() + ")");
      return problems;
    }
    String name = "twin " + c.path();
    Set<Option> seen = new HashSet<>();
    int positionals = 0;
    for (; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("-") && a.length() > 1 && !a.equals("--")) {
        String optionName = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
        Option o = c.option(optionName);
        if (o == null) {
          problems.add(where + ": " + name + " has no option " + optionName);
          continue;
        }
        seen.add(o);
        if (!o.flag() && !a.contains("=")) {
          if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            problems.add(where + ": " + name + " " + optionName + " needs a value");
          } else {
            i++;
          }
        }
        if (!documented(c, optionName)) {
          problems.add(where + ": " + name + " " + optionName + " is not documented in docs/cli.md"
              + (c.docs().isEmpty() ? "" : " or docs/" + c.docs()));
        }
      } else {
        positionals++;
      }
    }
    for (Option o : c.options()) {
      if (o.required() && !seen.contains(o)) {
        problems.add(where + ": " + name + " is missing its required option " + o.names().get(0));
      }
    }
    if (positionals > 0 && !c.positional()) {
      problems.add(where + ": " + name + " takes no positional arguments (got " + positionals + ")");
    }
    if (positionals < c.minPositional()) {
      problems.add(where + ": " + name + " needs at least " + c.minPositional() + " positional argument(s)");
    }
    return problems;
  }

  /** The positional arguments of {@code args} (the words after {@code twin}), options and their values left out. */
  List<String> positionals(List<String> args) {
    Command c = root;
    int i = 0;
    while (i < args.size() && c.subcommands().containsKey(args.get(i))) {
      c = c.subcommands().get(args.get(i++));
    }
    List<String> out = new ArrayList<>();
    for (; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("-") && a.length() > 1) {
        Option o = c.option(a.contains("=") ? a.substring(0, a.indexOf('=')) : a);
        if (o != null && !o.flag() && !a.contains("=")) {
          i++;
        }
      } else {
        out.add(a);
      }
    }
    return out;
  }

  private boolean documented(Command c, String option) {
    Pattern p = Pattern.compile("(?<![\\w-])" + Pattern.quote(option) + "(?![\\w-])");
    return p.matcher(read(docsDir.resolve("cli.md"))).find()
        || (!c.docs().isEmpty() && p.matcher(read(docsDir.resolve(c.docs()))).find());
  }

  private Command command(String className, String path, List<Option> inherited) {
    String source = withoutComments(read(sourceOf(className)));
    Annotation command = JavaAnnotations.find(source, "Command").get(0);
    List<Option> options = new ArrayList<>(inherited);
    options.addAll(options(source));
    for (Annotation mixin : JavaAnnotations.find(source, "Mixin")) {
      options.addAll(options(withoutComments(read(sourceOf(mixin.fieldType())))));
    }
    if (command.isTrue("mixinStandardHelpOptions")) {
      options.add(new Option(List.of("-h", "--help"), true, false));
      options.add(new Option(List.of("-V", "--version"), true, false));
    }
    int minPositional = 0;
    boolean positional = false;
    for (Annotation p : JavaAnnotations.find(source, "Parameters")) {
      positional = true;
      List<String> arity = p.strings("arity");
      boolean many = p.fieldType().startsWith("List") || p.fieldType().endsWith("[]");
      minPositional += arity.isEmpty() ? (many ? 0 : 1) : Integer.parseInt(arity.get(0).split("\\.\\.")[0]);
    }
    // The root's options (--verbose, --help) are inherited by every subcommand.
    List<Option> forChildren = path.isEmpty() ? List.copyOf(options) : inherited;
    Map<String, Command> subcommands = new LinkedHashMap<>();
    String listed = command.attributes().getOrDefault("subcommands", "");
    Matcher inCode = SUBCOMMAND_LIST.matcher(source);
    if (listed.isEmpty() && inCode.find()) {
      listed = inCode.group(1);
    }
    for (String sub : classes(listed)) {
      if (sources.containsKey(sub)) {
        String subName = JavaAnnotations.find(withoutComments(read(sourceOf(sub))), "Command").get(0)
            .strings("name").get(0);
        subcommands.put(subName, command(sub, path.isEmpty() ? subName : path + " " + subName, forChildren));
      }
    }
    boolean runnable = source.matches("(?s).*\\bimplements\\s+(Callable|Runnable)\\b.*");
    return new Command(path, Map.copyOf(subcommands), List.copyOf(options), minPositional, positional, runnable,
        pages.getOrDefault(path, ""));
  }

  private static List<Option> options(String source) {
    List<Option> out = new ArrayList<>();
    for (Annotation o : JavaAnnotations.find(source, "Option")) {
      boolean flag = o.fieldType().equals("boolean") || o.fieldType().equals("Boolean");
      out.add(new Option(o.strings("names"), flag, o.isTrue("required")));
    }
    return out;
  }

  /** {@code {A.class, B.class}} to {@code [A, B]} (the simple name of a nested class's outer part is dropped). */
  private static List<String> classes(String attribute) {
    List<String> out = new ArrayList<>();
    for (String part : attribute.replaceAll("[{}\\s]", "").split(",")) {
      if (part.endsWith(".class")) {
        String name = part.substring(0, part.length() - ".class".length());
        out.add(name.substring(name.lastIndexOf('.') + 1));
      }
    }
    return out;
  }

  private Path sourceOf(String simpleName) {
    Path p = sources.get(simpleName);
    if (p == null) {
      throw new IllegalStateException("no source for " + simpleName + " under cli/src/main/java");
    }
    return p;
  }

  private static Map<String, Path> sources(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      Map<String, Path> out = new LinkedHashMap<>();
      files.filter(f -> f.toString().endsWith(".java"))
          .forEach(f -> out.put(f.getFileName().toString().replace(".java", ""), f));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The source with comments blanked, string literals kept (a URL's {@code //} is not a comment). */
  static String withoutComments(String source) {
    return LITERAL_OR_COMMENT.matcher(source).replaceAll(m -> m.group().startsWith("/")
        ? " " : Matcher.quoteReplacement(m.group()));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
