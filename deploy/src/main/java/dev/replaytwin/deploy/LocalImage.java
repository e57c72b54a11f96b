package dev.replaytwin.deploy;

import static java.util.Objects.requireNonNull;

import dev.replaytwin.deploy.internal.docker.LocalImageBuilder;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A container image for a Java application, built on this machine with no registry: a runtime
 * jlinked from a JDK with just {@code modules}, the shared libraries it links (found with
 * {@code ldd}), and the application's jars, in an image {@code FROM scratch}. The image is tagged
 * {@code tag} and labelled with the digest of everything that went into it; building again with
 * the same inputs finds that label and returns at once.
 *
 * <pre>{@code
 * String image = LocalImage.javaApp("shop:local", List.of(Path.of("target/shop.jar")), "com.example.Shop",
 *     Set.of("java.base", "java.net.http")).build();   // "shop:local"
 * }</pre>
 *
 * <p>Needs Linux with glibc or musl (for {@code ldd}), a JDK (for {@code jlink}) and a Docker
 * engine. The image runs on engines of the same CPU architecture.
 *
 * @param tag the image reference to tag it with, e.g. {@code shop:local} ({@code :latest} when no tag is given)
 * @param jars the application's jars, copied to {@code /app/} and put on the class path in this order
 * @param mainClass the class whose {@code main} runs; arguments given to the container follow
 * @param modules the runtime's modules, e.g. {@code java.base}; {@code jdeps --print-module-deps} finds them
 * @param jvmOptions options before the class path, e.g. {@code -XX:+UseZGC}
 * @param javaHome the JDK to jlink from
 * @param workDir the container's working directory (created empty)
 */
public record LocalImage(String tag, List<Path> jars, String mainClass, Set<String> modules, List<String> jvmOptions,
    Path javaHome, String workDir) {
  private static final Pattern REFERENCE = Pattern.compile(
      "(?:[a-zA-Z0-9.-]+(?::[0-9]+)?/)?[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?:/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*"
          + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?");
  private static final Pattern CLASS_NAME = Pattern.compile("(?:[\\p{L}_$][\\p{L}\\p{N}_$]*\\.)*[\\p{L}_$][\\p{L}\\p{N}_$]*");
  private static final Pattern MODULE = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*(?:\\.[\\p{L}_][\\p{L}\\p{N}_]*)*");

  public LocalImage {
    requireNonNull(tag, "tag");
    jars = List.copyOf(requireNonNull(jars, "jars"));
    requireNonNull(mainClass, "mainClass");
    modules = Set.copyOf(new TreeSet<>(requireNonNull(modules, "modules")));
    jvmOptions = List.copyOf(requireNonNull(jvmOptions, "jvmOptions"));
    requireNonNull(javaHome, "javaHome");
    requireNonNull(workDir, "workDir");
    if (!REFERENCE.matcher(tag).matches()) {
      throw new IllegalArgumentException("tag: \"" + tag + "\" (expected: an image reference such as shop:local,"
          + " lower-case name)");
    }
    if (jars.isEmpty()) {
      throw new IllegalArgumentException("jars: [] (expected: at least the application's jar)");
    }
    Set<String> names = new HashSet<>();
    for (Path jar : jars) {
      if (jar.getFileName() == null || !names.add(jar.getFileName().toString())) {
        throw new IllegalArgumentException("jars: " + jar + " (expected: distinct file names, they share /app/)");
      }
    }
    if (!CLASS_NAME.matcher(mainClass).matches()) {
      throw new IllegalArgumentException("mainClass: \"" + mainClass + "\" (expected: a class name such as"
          + " com.example.Main)");
    }
    if (modules.isEmpty() || !modules.stream().allMatch(m -> MODULE.matcher(m).matches())) {
      throw new IllegalArgumentException("modules: " + new TreeSet<>(modules)
          + " (expected: module names such as java.base)");
    }
    if (!workDir.startsWith("/") || workDir.contains("..")) {
      throw new IllegalArgumentException("workDir: \"" + workDir + "\" (expected: an absolute path such as /work)");
    }
  }

  /** An image of {@code jars} run with {@code mainClass}, jlinked from the JDK running this code. */
  public static LocalImage javaApp(String tag, List<Path> jars, String mainClass, Set<String> modules) {
    return new LocalImage(tag, jars, mainClass, modules, List.of(), Path.of(System.getProperty("java.home")), "/");
  }

  /** This image with {@code options} given to the JVM. */
  public LocalImage withJvmOptions(List<String> options) {
    return new LocalImage(tag, jars, mainClass, modules, options, javaHome, workDir);
  }

  /** This image jlinked from the JDK at {@code jdk}. */
  public LocalImage withJavaHome(Path jdk) {
    return new LocalImage(tag, jars, mainClass, modules, jvmOptions, jdk, workDir);
  }

  /** This image starting in {@code dir}. */
  public LocalImage withWorkDir(String dir) {
    return new LocalImage(tag, jars, mainClass, modules, jvmOptions, javaHome, dir);
  }

  /** The reference the image is tagged with: {@link #tag()}, with {@code :latest} when it names none. */
  public String reference() {
    int slash = tag.lastIndexOf('/');
    return tag.indexOf(':', slash + 1) >= 0 ? tag : tag + ":latest";
  }

  /**
   * Builds the image unless an image tagged {@link #reference()} was built from the same inputs.
   *
   * @return {@link #reference()}
   * @throws DeployException when jlink, ldd or the engine fails, with their output in the details
   */
  public String build() throws DeployException, InterruptedException {
    return new LocalImageBuilder(this).build().reference();
  }
}
