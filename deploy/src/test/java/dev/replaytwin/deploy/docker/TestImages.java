package dev.replaytwin.deploy.docker;

import dev.replaytwin.deploy.DeployException;
import dev.replaytwin.deploy.LocalImage;
import dev.replaytwin.deploy.internal.docker.LocalImageBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** The images the docker ITs run, built locally from the test classes once per JVM. */
final class TestImages {
  static final String ECHO_TAG = "replaytwin-it/echo:test";
  static final Set<String> ECHO_MODULES = Set.of("java.base", "jdk.httpserver");
  private static LocalImageBuilder.Built echo;

  private TestImages() {}

  /** The echo image's reference, built (or found up to date) on first use. */
  static synchronized String echo() throws DeployException, InterruptedException, IOException {
    if (echo == null) {
      long start = System.nanoTime();
      echo = new LocalImageBuilder(echoImage()).build();
      System.out.printf(Locale.ROOT, "[docker-it] %s %s in %.1f s%n", echo.reference(),
          echo.cached() ? "up to date" : "built", (System.nanoTime() - start) / 1e9);
    }
    return echo.reference();
  }

  static LocalImage echoImage() throws IOException {
    return LocalImage.javaApp(ECHO_TAG, List.of(echoJar()), EchoApp.class.getName(), ECHO_MODULES);
  }

  /** EchoApp's classes in a jar with fixed entry times, so unchanged classes make an identical jar. */
  static Path echoJar() throws IOException {
    Path dir = Files.createDirectories(classesDirectory().resolveSibling("docker-it"));
    return jar(dir.resolve("echo.jar"), Map.of());
  }

  /** The echo jar plus {@code extra} resources (name to content). */
  static Path jar(Path jar, Map<String, String> extra) throws IOException {
    Files.createDirectories(jar.getParent());
    Path classes = classesDirectory();
    String packageDir = EchoApp.class.getPackageName().replace('.', '/');
    List<Path> files;
    try (Stream<Path> list = Files.list(classes.resolve(packageDir))) {
      files = list.filter(f -> f.getFileName().toString().startsWith(EchoApp.class.getSimpleName()))
          .sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
      for (Path file : files) {
        put(jarOut, packageDir + "/" + file.getFileName(), Files.readAllBytes(file));
      }
      for (Map.Entry<String, String> resource : extra.entrySet()) {
        put(jarOut, resource.getKey(), resource.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    return jar;
  }

  private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
    JarEntry entry = new JarEntry(name);
    entry.setTime(0);
    jar.putNextEntry(entry);
    jar.write(bytes);
    jar.closeEntry();
  }

  private static Path classesDirectory() throws IOException {
    try {
      return Path.of(EchoApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }
}
