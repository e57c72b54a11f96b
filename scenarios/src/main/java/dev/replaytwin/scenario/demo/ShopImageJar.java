package dev.replaytwin.scenario.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Writes the demo shop's classes, and nothing else, to a jar: from the classes directory in a
 * build, or from whichever jar holds them (the scenarios jar, the shaded {@code twin.jar}). The jar
 * is the same bytes for the same classes (sorted entries, one fixed time), so a local image built
 * from it is found up to date while the classes do not change.
 */
final class ShopImageJar {
  /** The package's classes the shop does not need: the image builders, which need the deploy module. */
  private static final String BUILDER_PREFIX = ShopImage.class.getSimpleName();
  private static final String PACKAGE_DIR = ShopService.class.getPackageName().replace('.', '/') + "/";
  /** 2000-01-01: every entry carries it, so the same classes make the same bytes. */
  private static final long FIXED_TIME = 946_684_800_000L;

  private ShopImageJar() {}

  static Path write(Path jar) throws IOException {
    TreeMap<String, byte[]> classes = classes();
    if (!classes.containsKey(PACKAGE_DIR + ShopService.class.getSimpleName() + ".class")) {
      throw new IOException("found no " + ShopService.class.getName() + " class file in " + origin()
          + "; run with the scenarios jar or twin.jar on the class path");
    }
    Path parent = jar.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    String manifest = "Manifest-Version: 1.0\r\nMain-Class: " + ShopService.class.getName() + "\r\n\r\n";
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
      // Written as a plain entry: JarOutputStream's own manifest would carry the current time.
      put(jarOut, "META-INF/", null);
      put(jarOut, JarFile.MANIFEST_NAME, manifest.getBytes(StandardCharsets.UTF_8));
      put(jarOut, PACKAGE_DIR, null);
      for (var e : classes.entrySet()) {
        put(jarOut, e.getKey(), e.getValue());
      }
    }
    return jar;
  }

  /** The package's class files, by jar entry name, from the directory or jar that loaded this class. */
  private static TreeMap<String, byte[]> classes() throws IOException {
    Path origin = origin();
    TreeMap<String, byte[]> classes = new TreeMap<>();
    if (Files.isDirectory(origin)) {
      Path dir = origin.resolve(PACKAGE_DIR);
      List<Path> files;
      try (Stream<Path> list = Files.list(dir)) {
        files = list.filter(f -> wanted(f.getFileName().toString())).toList();
      }
      for (Path file : files) {
        classes.put(PACKAGE_DIR + file.getFileName(), Files.readAllBytes(file));
      }
      return classes;
    }
    try (JarFile source = new JarFile(origin.toFile())) {
      List<JarEntry> entries = new ArrayList<>();
      for (Enumeration<JarEntry> all = source.entries(); all.hasMoreElements(); ) {
        JarEntry entry = all.nextElement();
        String name = entry.getName();
        if (name.startsWith(PACKAGE_DIR) && name.indexOf('/', PACKAGE_DIR.length()) < 0
            && wanted(name.substring(PACKAGE_DIR.length()))) {
          entries.add(entry);
        }
      }
      for (JarEntry entry : entries) {
        try (InputStream in = source.getInputStream(entry)) {
          classes.put(entry.getName(), in.readAllBytes());
        }
      }
    }
    return classes;
  }

  private static boolean wanted(String fileName) {
    return fileName.endsWith(".class") && !fileName.startsWith(BUILDER_PREFIX);
  }

  private static Path origin() throws IOException {
    CodeSource source = ShopService.class.getProtectionDomain().getCodeSource();
    URL location = source == null ? null : source.getLocation();
    if (location == null) {
      throw new IOException("cannot tell where " + ShopService.class.getName() + " was loaded from; run with the"
          + " scenarios jar or twin.jar on the class path");
    }
    try {
      return Path.of(location.toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IOException(ShopService.class.getName() + " was loaded from " + location + ", not a local jar or"
          + " directory; run with the scenarios jar or twin.jar on the class path", e);
    }
  }

  private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
    JarEntry entry = new JarEntry(name);
    entry.setTime(FIXED_TIME);
    jar.putNextEntry(entry);
    if (bytes != null) {
      jar.write(bytes);
    }
    jar.closeEntry();
  }
}
