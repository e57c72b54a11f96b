package dev.replaytwin.deploy.internal.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The build context of an image {@code FROM scratch}, written as the tar the engine's build API
 * takes: a {@code Dockerfile} and a {@code rootfs/} tree it copies to {@code /}. Entries are
 * sorted, owned by root and stamped with one fixed time, so the same files give the same layer.
 * Symbolic links are copied as the files they point to.
 */
public final class ImageContext {
  public static final int DIRECTORY = 0755;
  public static final int EXECUTABLE = 0755;
  public static final int FILE = 0644;
  /** {@code /tmp}: everyone may write, only owners may delete. */
  public static final int STICKY_WORLD_WRITABLE = 01777;

  private static final String ROOT = "rootfs";

  private final SortedMap<String, Entry> entries = new TreeMap<>();

  private sealed interface Entry permits Directory, FromFile, Text {}

  private record Directory(int mode) implements Entry {}

  private record FromFile(Path source, int mode) implements Entry {}

  private record Text(String content, int mode) implements Entry {}

  /** Adds the directory {@code path} (and its parents) to the image's file system. */
  public ImageContext directory(String path, int mode) {
    String name = rootfs(path);
    parents(name);
    entries.put(name, new Directory(mode));
    return this;
  }

  /** Adds {@code source}'s content at {@code path}, executable when the source is. */
  public ImageContext file(String path, Path source) {
    String name = rootfs(path);
    parents(name);
    entries.put(name, new FromFile(source, Files.isExecutable(source) ? EXECUTABLE : FILE));
    return this;
  }

  /** Adds a small text file at {@code path}. */
  public ImageContext text(String path, String content) {
    String name = rootfs(path);
    parents(name);
    entries.put(name, new Text(content, FILE));
    return this;
  }

  /** Adds every file under {@code tree} below {@code path}. */
  public ImageContext tree(String path, Path tree) throws IOException {
    directory(path, DIRECTORY);
    try (Stream<Path> walk = Files.walk(tree, FileVisitOption.FOLLOW_LINKS)) {
      for (Path source : (Iterable<Path>) walk.sorted()::iterator) {
        String relative = tree.relativize(source).toString();
        if (relative.isEmpty()) {
          continue;
        }
        String target = path.endsWith("/") ? path + relative : path + "/" + relative;
        if (Files.isDirectory(source)) {
          directory(target, DIRECTORY);
        } else {
          file(target, source);
        }
      }
    }
    return this;
  }

  /** Writes the tar: {@code Dockerfile} first, then the tree. */
  public void writeTo(OutputStream out, String dockerfile) throws IOException {
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name())) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      byte[] bytes = dockerfile.getBytes(StandardCharsets.UTF_8);
      put(tar, "Dockerfile", FILE, bytes.length);
      tar.write(bytes);
      tar.closeArchiveEntry();
      for (Map.Entry<String, Entry> entry : entries.entrySet()) {
        write(tar, entry.getKey(), entry.getValue());
      }
      tar.finish();
    }
  }

  private static void write(TarArchiveOutputStream tar, String name, Entry entry) throws IOException {
    if (entry instanceof Directory d) {
      tar.putArchiveEntry(header(name + "/", TarArchiveEntry.DEFAULT_DIR_MODE & ~0777 | d.mode(), 0));
      tar.closeArchiveEntry();
    } else if (entry instanceof FromFile f) {
      put(tar, name, f.mode(), Files.size(f.source()));
      try (InputStream in = Files.newInputStream(f.source())) {
        in.transferTo(tar);
      }
      tar.closeArchiveEntry();
    } else if (entry instanceof Text t) {
      byte[] bytes = t.content().getBytes(StandardCharsets.UTF_8);
      put(tar, name, t.mode(), bytes.length);
      tar.write(bytes);
      tar.closeArchiveEntry();
    }
  }

  private static void put(TarArchiveOutputStream tar, String name, int mode, long size) throws IOException {
    tar.putArchiveEntry(header(name, TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | mode, size));
  }

  private static TarArchiveEntry header(String name, int mode, long size) {
    TarArchiveEntry header = new TarArchiveEntry(name);
    header.setMode(mode);
    header.setSize(size);
    header.setUserId(0);
    header.setGroupId(0);
    header.setUserName("root");
    header.setGroupName("root");
    // One fixed time: the same files make the same layer.
    header.setModTime(0);
    return header;
  }

  private void parents(String name) {
    int slash = name.lastIndexOf('/');
    // "rootfs" itself stays out: COPY takes its contents, and its entry would only restate /.
    while (slash > ROOT.length()) {
      String parent = name.substring(0, slash);
      entries.putIfAbsent(parent, new Directory(DIRECTORY));
      slash = parent.lastIndexOf('/');
    }
  }

  private static String rootfs(String path) {
    if (!path.startsWith("/") || path.contains("/../") || path.endsWith("/..")) {
      throw new IllegalArgumentException("path: \"" + path + "\" (expected: an absolute path in the image)");
    }
    String trimmed = path.replaceAll("/+$", "");
    return ROOT + trimmed;
  }
}
