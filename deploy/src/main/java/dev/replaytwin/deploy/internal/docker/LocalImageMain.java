package dev.replaytwin.deploy.internal.docker;

import dev.replaytwin.deploy.DeployException;
import dev.replaytwin.deploy.LocalImage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@link LocalImage} from the command line, for {@code deploy/docker/build-local.sh}:
 * <pre>
 * java -cp twin.jar dev.replaytwin.deploy.internal.docker.LocalImageMain --tag twin:local \
 *     --main dev.replaytwin.cli.TwinCommand --modules java.base,java.sql [--jvm-option OPT]... \
 *     [--workdir /work] JAR...
 * </pre>
 * Exits 0 when the image is there, 2 for bad arguments, 4 when the build fails; one line on stderr.
 */
public final class LocalImageMain {
  private LocalImageMain() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
    String tag = null;
    String main = null;
    String workDir = "/";
    Set<String> modules = new LinkedHashSet<>();
    List<String> jvmOptions = new ArrayList<>();
    List<Path> jars = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = i + 1 < args.length ? args[i + 1] : null;
      boolean takesValue = List.of("--tag", "--main", "--modules", "--jvm-option", "--workdir").contains(arg);
      if (takesValue && value == null) {
        err.println("error: " + arg + " needs a value");
        return 2;
      }
      switch (arg) {
        case "--tag" -> tag = value;
        case "--main" -> main = value;
        case "--workdir" -> workDir = value;
        case "--modules" -> modules.addAll(Arrays.asList(value.split(",")));
        case "--jvm-option" -> jvmOptions.add(value);
        default -> {
          if (arg.startsWith("--")) {
            err.println("error: " + arg + ": unknown option (expected: --tag, --main, --modules, --jvm-option,"
                + " --workdir, then jar files)");
            return 2;
          }
          jars.add(Path.of(arg));
        }
      }
      if (takesValue) {
        i++;
      }
    }
    if (tag == null || main == null || modules.isEmpty() || jars.isEmpty()) {
      err.println("error: --tag, --main, --modules and at least one jar are needed");
      return 2;
    }
    for (Path jar : jars) {
      if (!Files.isRegularFile(jar)) {
        err.println("error: " + jar + ": no such jar (build it first)");
        return 2;
      }
    }
    LocalImage image;
    try {
      image = LocalImage.javaApp(tag, jars, main, modules).withJvmOptions(jvmOptions).withWorkDir(workDir);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    long start = System.nanoTime();
    try {
      LocalImageBuilder.Built built = new LocalImageBuilder(image).build();
      out.printf(Locale.ROOT, "%s %s in %.1f s (%s)%n", built.reference(), built.cached() ? "up to date" : "built",
          (System.nanoTime() - start) / 1e9, built.imageId());
      return 0;
    } catch (DeployException e) {
      err.println("error: " + e.getMessage());
      if (!e.details().isBlank()) {
        err.println(e.details().strip());
      }
      return 4;
    }
  }
}
